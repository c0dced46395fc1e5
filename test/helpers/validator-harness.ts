import type { Connection, Diagnostic as LspDiagnostic, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type Settings } from '../../schemas/settings';
import { NodeWorkspace } from '../../server/node/node-workspace';
import { type CheckResult, type LanguageService } from '../../server/engine/language-service';
import type { Diagnostic } from '../../server/engine/types';
import { orderedDocuments } from '../../server/lsp/ordered-documents';
import type { SettingsCache } from '../../server/lsp/settings';
import { Validator } from '../../server/lsp/validation';
import { SITE } from './memory-workspace';

/**
 * The language server's Validator, in-process: what it is given (the connection, the
 * open documents, the settings, the engine) is a stand-in that records what it is
 * asked, and the engine's checks end when the test says so. The protocol tests
 * (protocol.test.ts, concurrency.test.ts) run the same code in the built server; these
 * reach the orderings a real client can only hope for, and run where mutants are tried.
 */

/**
 * Lets every continuation already queued run. The validator's work here is promises
 * only (stand-ins, a memory site, synchronous disk reads): when the event loop reaches
 * its check phase, all of it has run but what waits on a check the test holds.
 */
export const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the validator says to the client, in order. */
export class FakeConnection {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly shown: string[] = [];
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly infos: string[] = [];
  /** Errors the next sendDiagnostics calls reject with, as a closing connection would. */
  readonly sendFailures: Error[] = [];
  readonly window = {
    showErrorMessage: async (message: string) => {
      this.shown.push(message);
      return undefined;
    },
  };
  /** How many times the client was asked to pull diagnostics again. */
  refreshes = 0;
  readonly languages = {
    diagnostics: {
      refresh: async () => {
        this.refreshes++;
      },
    },
  };
  readonly console = {
    error: (message: string) => void this.errors.push(message),
    warn: (message: string) => void this.warnings.push(message),
    info: (message: string) => void this.infos.push(message),
  };

  /** Postlint's own notifications (`postlint/configStatus`), method and params. */
  readonly notifications: [string, unknown][] = [];

  async sendNotification(method: string, params: unknown): Promise<void> {
    this.notifications.push([method, params]);
  }

  async sendDiagnostics(params: PublishDiagnosticsParams): Promise<void> {
    const failure = this.sendFailures.shift();
    if (failure) throw failure;
    this.published.push(params);
  }
}

/** The open documents: each change makes a new version, as the editor numbers them. */
export class FakeDocuments {
  private readonly open = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  openWith(uri: string, text: string): void {
    this.open.set(uri, TextDocument.create(uri, 'markdown', 1, text));
  }

  change(uri: string, text: string): void {
    const version = this.open.get(uri)!.version + 1;
    this.open.set(uri, TextDocument.create(uri, 'markdown', version, text));
  }

  /** Incremental changes at `version`, applied as the server's own documents apply them (ordered-documents.ts). */
  edit(uri: string, changes: TextDocumentContentChangeEvent[], version: number): void {
    this.open.set(uri, orderedDocuments.update(this.open.get(uri)!, changes, version));
  }

  close(uri: string): void {
    this.open.delete(uri);
  }
}

/** The defaults everywhere but where Postlint was turned off. */
export class FakeSettings {
  readonly disabled = new Set<string>();

  async get(uri: string): Promise<Settings> {
    return this.disabled.has(uri) ? { ...DEFAULT_SETTINGS, enable: false } : DEFAULT_SETTINGS;
  }
}

export type Answer = { diagnostics: Diagnostic[]; dependencies?: string[] } | { error: unknown };

export interface HeldCheck {
  path: string;
  text: string;
  finish(diagnostics: Diagnostic[], dependencies?: string[]): void;
  fail(error: unknown): void;
}

/**
 * An engine whose checks the test ends: each waits in `held` until finished, unless
 * `answer` gives its result at once. `siteFor` answers with a fixed root.
 */
export class StandInService {
  readonly held: HeldCheck[] = [];
  readonly sitesAsked: string[] = [];

  constructor(
    private readonly answer?: (path: string, text: string) => Answer,
    private readonly root = '/nowhere/site',
  ) {}

  check(path: string, text: string): Promise<CheckResult> {
    return new Promise((resolve, reject) => {
      const finish = (diagnostics: Diagnostic[], dependencies: string[] = []) => resolve({ path, isPost: true, diagnostics, unverified: [], dependencies, reproducible: true });
      this.held.push({ path, text, finish, fail: reject });
      const answer = this.answer?.(path, text);
      if (answer && 'error' in answer) reject(answer.error);
      else if (answer) finish(answer.diagnostics, answer.dependencies);
    });
  }

  async siteFor(path: string): Promise<{ root: string }> {
    this.sitesAsked.push(path);
    return { root: this.root };
  }

  /** The n-th check, which must have started by now. */
  started(n: number): HeldCheck {
    const check = this.held[n - 1];
    if (!check) throw new Error(`check number ${n} never started (${this.held.length} did)`);
    return check;
  }
}

export interface Harness {
  validator: Validator;
  connection: FakeConnection;
  documents: FakeDocuments;
  settings: FakeSettings;
  /** The URIs the validator asked an engine for, in order. */
  asked: string[];
}

export function harness(service: StandInService | LanguageService | (() => Promise<never>), disk?: NodeWorkspace): Harness {
  const connection = new FakeConnection();
  const documents = new FakeDocuments();
  const settings = new FakeSettings();
  const asked: string[] = [];
  const serviceFor = async (uri: string) => {
    asked.push(uri);
    return (typeof service === 'function' ? await service() : service) as LanguageService;
  };
  const validator = new Validator(
    connection as unknown as Connection,
    documents as unknown as TextDocuments<TextDocument>,
    settings as unknown as SettingsCache,
    serviceFor,
    disk,
  );
  return { validator, connection, documents, settings, asked };
}

export const POST_PATH = `${SITE}/content/blog/p.md`;
export const POST_URI = 'file:///site/content/blog/p.md';

export const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

/** A warning as the engine gives it: the stand-in engine's results. */
export function warning(ruleId: string, message: string, line = 1): Diagnostic {
  return { ruleId, severity: 'warning', message, range: range(line, 0, 4), docsUrl: `https://example.org/docs/${ruleId}.md`, fixes: [] };
}

/** The same warning as LSP publishes it, written out. */
export function warningLsp(ruleId: string, message: string, line = 1): LspDiagnostic {
  return { range: range(line, 0, 4), severity: 2, code: ruleId, codeDescription: { href: `https://example.org/docs/${ruleId}.md` }, source: 'postlint', message };
}

/** A post whose only problem is its author, unknown to the site (alice and bob are). */
export const POST_BY_WRITER = '---\ntitle: Tides\ndate: 2025-01-01\nauthor: writer-one\n---\nBody.\n';
export const UNKNOWN_WRITER_MESSAGE = '“writer-one” is not an author of this site. Use a key of data/authors.yaml, or add the author there.';
export const UNKNOWN_WRITER: Diagnostic = {
  ruleId: 'author-unknown',
  severity: 'error',
  message: UNKNOWN_WRITER_MESSAGE,
  range: range(3, 8, 18),
  docsUrl: 'https://github.com/postlint/postlint/blob/main/docs/rules/author-unknown.md',
  fixes: [],
};
export const UNKNOWN_WRITER_LSP: LspDiagnostic = {
  range: range(3, 8, 18),
  severity: 1,
  code: 'author-unknown',
  codeDescription: { href: 'https://github.com/postlint/postlint/blob/main/docs/rules/author-unknown.md' },
  source: 'postlint',
  message: UNKNOWN_WRITER_MESSAGE,
};

/** Half a megabyte: a limit small enough to pass in a test, printed "0.5 MB". */
export const HALF_MB = 512 * 1024;

export const tooLargeMessage = (size: number) => `Postlint did not check this file: it is over the 0.5 MB limit on the files it reads. It is ${size} bytes.`;

/** The one diagnostic for a file over the limit: no rule, so no code, no docs and no fixes. */
export const tooLarge = (size: number): Diagnostic => ({ ruleId: '', severity: 'error', message: tooLargeMessage(size), range: range(0, 0, 0), docsUrl: '', fixes: [] });
export const tooLargeLsp = (size: number): LspDiagnostic => ({ range: range(0, 0, 0), severity: 1, source: 'postlint', message: tooLargeMessage(size) });
