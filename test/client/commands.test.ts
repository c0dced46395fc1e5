import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { commands, type PostlintContext } from '../../client/commands';
import type { CheckExternalLinksResult, NewPostResult, StarterConfigResult } from '../../schemas/protocol';

/** The commands against a stand-in for the VS Code API and the language client, recording what they do. */

const SITE = 'file:///sites/blog/';
const POST = 'file:///sites/blog/content/en/blog/welcoming-fabrikam.md';

class FakeUri {
  constructor(private readonly text: string) {}
  static parse = (text: string) => new FakeUri(text);
  get scheme() {
    return this.text.slice(0, this.text.indexOf(':'));
  }
  get fsPath() {
    return fileURLToPath(this.text);
  }
  toString() {
    return this.text;
  }
}

interface Setup {
  answers?: (string | undefined)[];
  activeFile?: string;
  inWorkspace?: boolean;
  folders?: string[];
  existing?: string[];
  response?: NewPostResult | StarterConfigResult | CheckExternalLinksResult | Error;
  /** The button a person clicks on an error message. */
  errorChoice?: string;
}

function fake(setup: Setup = {}) {
  const log: unknown[][] = [];
  const requests: [string, unknown][] = [];
  const answers = [...(setup.answers ?? [])];
  /** Each input box's prompt and placeholder. */
  const asked: [string, string | undefined][] = [];
  const files = new Map<string, string>((setup.existing ?? []).map((uri) => [uri, 'old']));
  const api = {
    Uri: FakeUri,
    ProgressLocation: { Window: 10 },
    Position: class {
      constructor(readonly line: number, readonly character: number) {}
    },
    SnippetString: class {
      constructor(readonly value: string) {}
    },
    window: {
      activeTextEditor: setup.activeFile ? { document: { uri: new FakeUri(setup.activeFile), languageId: setup.activeFile.endsWith('.md') ? 'markdown' : 'json' } } : undefined,
      withProgress: async <T>(options: { title: string }, task: () => Promise<T>) => {
        log.push(['progress', options.title]);
        return task();
      },
      showQuickPick: async (items: { id: string }[]) => {
        const answer = answers.shift();
        return items.find((item) => item.id === answer);
      },
      showInputBox: async (options: { prompt: string; placeHolder?: string; validateInput(value: string): string | undefined }) => {
        asked.push([options.prompt, options.placeHolder]);
        const answer = answers.shift();
        log.push(['input', answer, answer === undefined ? undefined : options.validateInput(answer)]);
        return answer;
      },
      showErrorMessage: async (message: string, ...buttons: string[]) => {
        log.push(buttons.length > 0 ? ['error', message, buttons] : ['error', message]);
        return setup.errorChoice;
      },
      showInformationMessage: async (message: string) => void log.push(['info', message]),
      showTextDocument: async (uri: FakeUri) => {
        log.push(['open', uri.toString()]);
        const document = { save: async () => void log.push(['save', uri.toString()]) };
        return {
          document,
          insertSnippet: async (snippet: { value: string }, at: { line: number; character: number }) => {
            log.push(['snippet', snippet.value, at.line, at.character]);
            files.set(uri.toString(), snippet.value);
            return true;
          },
        };
      },
    },
    workspace: {
      workspaceFolders: (setup.folders ?? [SITE.slice(0, -1)]).map((folder) => ({ uri: new FakeUri(folder) })),
      getWorkspaceFolder: () => (setup.inWorkspace ? {} : undefined),
      fs: {
        stat: async (uri: FakeUri) => {
          if (!files.has(uri.toString())) throw Object.assign(new Error('not found'), { code: 'FileNotFound' });
          return {};
        },
        writeFile: async (uri: FakeUri, content: Uint8Array) => {
          log.push(['write', uri.toString(), content.length]);
          files.set(uri.toString(), '');
        },
      },
    },
  };
  const client = {
    outputChannel: { show: () => void log.push(['output']) },
    sendRequest: async <R>(method: string, params?: unknown): Promise<R> => {
      requests.push([method, params]);
      await new Promise((resolve) => setImmediate(resolve));
      if (setup.response instanceof Error) throw setup.response;
      return (setup.response ?? { checked: 3 }) as R;
    },
  };
  const ctx = { vscode: api, client } as unknown as PostlintContext;
  return { run: commands(ctx), log, requests, files, asked };
}

const planned: NewPostResult = { uri: POST, text: '---\ntitle: Welcoming Fabrikam\n---\n[[intro]]\n', snippet: '---\ntitle: Welcoming Fabrikam\n---\n${1:[[intro]]}\n' };

test('New Post asks the kind, the title and the organisation, and opens the new post on its first placeholder', async () => {
  const { run, log, requests, files } = fake({ answers: ['member-welcome', ' Welcoming Fabrikam ', 'Fabrikam'], response: planned });
  await run['postlint.newPost']();
  // Planned from the title alone first, to say at once when that post exists; then whole.
  assert.deepEqual(requests, [
    ['postlint/newPost', { kind: 'member-welcome', title: 'Welcoming Fabrikam', anchorUri: SITE }],
    ['postlint/newPost', { kind: 'member-welcome', title: 'Welcoming Fabrikam', org: 'Fabrikam', anchorUri: SITE }],
  ]);
  assert.deepEqual(log.slice(2), [
    ['write', POST, 0],
    ['open', POST],
    ['snippet', planned.snippet, 0, 0],
    ['save', POST],
  ]);
  assert.equal(files.get(POST), planned.snippet);
});

test('New Post: an event recap asks for the event; the anchor is the active file when it is in a workspace folder', async () => {
  const active = 'file:///sites/blog/content/en/blog/other.md';
  const { run, requests } = fake({ answers: ['event-recap', 'OSPO Meetup: Highlights', 'OSPO Meetup'], response: planned, activeFile: active, inWorkspace: true });
  await run['postlint.newPost']();
  assert.deepEqual(requests[1][1], { kind: 'event-recap', title: 'OSPO Meetup: Highlights', event: 'OSPO Meetup', anchorUri: active });
});

test('New Post never overwrites a post, says so right after the title, and offers to open it', async () => {
  const { run, log, files, asked } = fake({ answers: ['member-welcome', 'Welcoming Fabrikam', 'Fabrikam'], response: planned, existing: [POST] });
  await run['postlint.newPost']();
  assert.deepEqual(log.at(-1), ['error', `${fileURLToPath(POST)} exists: Postlint never overwrites a post`, ['Open It']]);
  assert.deepEqual(asked.map(([prompt]) => prompt), ['The title of the post'], 'no question after the title');
  assert.ok(!log.some(([what]) => what === 'write' || what === 'open'));
  assert.equal(files.get(POST), 'old');
  const opening = fake({ answers: ['member-welcome', 'Welcoming Fabrikam'], response: planned, existing: [POST], errorChoice: 'Open It' });
  await opening.run['postlint.newPost']();
  assert.deepEqual(opening.log.at(-1), ['open', POST]);
  assert.equal(opening.files.get(POST), 'old');
});

test('New Post shows the server\u2019s error, and stops when a question is dismissed', async () => {
  const refused = fake({ answers: ['member-welcome', 'Welcoming Fabrikam', 'Fabrikam'], response: { error: 'No Hugo site found around this folder.' } });
  await refused.run['postlint.newPost']();
  assert.deepEqual(refused.log.at(-1), ['error', 'No Hugo site found around this folder.']);

  const dismissed = fake({ answers: ['member-welcome', undefined], response: planned });
  await dismissed.run['postlint.newPost']();
  assert.deepEqual(dismissed.requests, []);

  const blank = fake({ answers: ['event-recap', '  ', 'x'] });
  await blank.run['postlint.newPost']();
  assert.deepEqual(blank.log[0], ['input', '  ', 'A post needs a title.']);

  const noFolder = fake({ answers: ['member-welcome'], folders: [] });
  await noFolder.run['postlint.newPost']();
  assert.deepEqual(noFolder.log, [['error', 'Postlint: open the folder of a Hugo site to create a post in it.']]);
});

test('Check Whole Site asks the server, which reports its progress to the status item itself; a failure is shown', async () => {
  const { run, log, requests } = fake();
  await run['postlint.checkWholeSite']();
  assert.deepEqual(requests, [['postlint/checkWorkspace', undefined]]);
  assert.deepEqual(log, []);

  const failing = fake({ response: new Error('Client is not running') });
  await failing.run['postlint.checkWholeSite']();
  assert.deepEqual(failing.log, [['error', 'Postlint could not check the site: Client is not running']]);
});

test('Show Output shows the client\u2019s output channel', async () => {
  const { run, log } = fake();
  await run['postlint.showOutput']();
  assert.deepEqual(log, [['output']]);
});

test('Check External Links asks the server about the active post, shows progress, then what it found', async () => {
  const found: CheckExternalLinksResult = { links: 4, problems: 1, summary: 'external links: 4 checked (1 dead)' };
  const { run, log, requests } = fake({ activeFile: POST, response: found });
  assert.deepEqual(await run['postlint.checkExternalLinks'](), found);
  assert.deepEqual(requests, [['postlint/checkExternalLinks', { uri: POST }]]);
  assert.deepEqual(log, [
    ['progress', 'Postlint: checking external links'],
    ['info', 'Postlint: external links: 4 checked (1 dead).'],
  ]);
});

test('Check External Links needs a post open, and says what the server could not do', async () => {
  const none = fake({ activeFile: 'file:///sites/blog/.postlintrc.json' });
  assert.equal(await none.run['postlint.checkExternalLinks'](), undefined);
  assert.deepEqual(none.requests, []);
  assert.deepEqual(none.log, [['error', 'Postlint: open a post to check its external links.']]);
  const refused = fake({ activeFile: POST, response: { error: 'Open a post saved in a folder to check its links.' } });
  await refused.run['postlint.checkExternalLinks']();
  assert.deepEqual(refused.log.at(-1), ['error', 'Open a post saved in a folder to check its links.']);
  const failed = fake({ activeFile: POST, response: new Error('the server stopped') });
  await failed.run['postlint.checkExternalLinks']();
  assert.deepEqual(failed.log.at(-1), ['error', 'Postlint could not check the links: the server stopped']);
});

const CONFIG = 'file:///sites/blog/.postlintrc.json';
const starter: StarterConfigResult = { uri: CONFIG, text: '{\n  "extends": "hugo",\n  "rules": {}\n}\n' };

test('Create .postlintrc.json writes the server\u2019s starter config at the site root and opens it', async () => {
  const { run, log, requests } = fake({ response: starter });
  await run['postlint.createConfig']();
  assert.deepEqual(requests, [['postlint/starterConfig', { anchorUri: SITE }]]);
  assert.deepEqual(log, [
    ['write', CONFIG, starter.text.length],
    ['open', CONFIG],
  ]);
});

test('Create .postlintrc.json opens a config file that exists, and never writes over it', async () => {
  const { run, log, files } = fake({ response: starter, existing: [CONFIG] });
  await run['postlint.createConfig']();
  assert.deepEqual(log, [
    ['info', `${fileURLToPath(CONFIG)} exists: Postlint opens it, and never writes over it.`],
    ['open', CONFIG],
  ]);
  assert.equal(files.get(CONFIG), 'old');
  const refused = fake({ response: { error: 'No Hugo site found around this folder.' } });
  await refused.run['postlint.createConfig']();
  assert.deepEqual(refused.log, [['error', 'No Hugo site found around this folder.']]);
});

test('New Post asks in plain words, with an example in each box, and no command-line flags', async () => {
  for (const [kind, subject] of [['member-welcome', 'The organisation that joined'], ['event-recap', 'The event']]) {
    const { run, asked } = fake({ answers: [kind, 'A title', 'A name'], response: planned });
    await run['postlint.newPost']();
    assert.deepEqual(asked.map(([prompt]) => prompt), ['The title of the post', subject]);
    for (const [prompt, example] of asked) {
      assert.doesNotMatch(prompt, /--/);
      assert.match(example ?? '', /^For example: \S/);
    }
  }
});
