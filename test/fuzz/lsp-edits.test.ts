import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../helpers/fast-check';
import { FUZZ_POST, fuzzSite, OTHER_POST, runsOf } from './common';
import { SITE, serviceFor } from '../helpers/memory-workspace';
import { body, bodyPiece, post } from '../helpers/post-arbitraries';
import { harness, settled, type Harness } from '../helpers/validator-harness';
import { toLspDiagnostic, toPath, toUri } from '../../server/lsp/convert';
import { pageEdited, type SiteChangeContext } from '../../server/lsp/site-changes';
import type { LanguageService } from '../../server/engine/language-service';

/** Two open posts: the generated one, and the post it links to, whose headings change as it is edited. */
const OTHER = `${SITE}/content/blog/other.md`;
const PATHS = [FUZZ_POST, OTHER];

/**
 * A page's address moves only when it is saved (site-changes.ts): the check of an
 * edited post uses the address its site's index read first, and a fresh check the
 * address of the final text. So these posts set none (`slug`, `url`, `aliases`).
 */
const withoutAddress = (text: string) => text.replace(/\b(slug|url|aliases)("?\s*[:=])/gi, 'x$2');

/** The generated post, often with links to the other post's headings; the other post, with its headings, and more. */
const LINKS_TO_OTHER = '\n[part one](/blog/other/#part-one) and [the heading](other.md#heading)\n';
const texts = fc.tuple(post, fc.boolean(), body).map(([text, links, more]) => [withoutAddress(links ? text + LINKS_TO_OTHER : text), withoutAddress(OTHER_POST + more)]);

/** After an edit the editor sends the next one at once, or after some of the checks' steps have run, or after they have all ended. */
const pause = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.constant(Infinity));

/** An edit of one of the posts at a random place: a deletion, an insertion or a replacement; now and then of the whole text, as an editor without incremental sync sends it. */
const edit = fc.record({
  document: fc.nat({ max: PATHS.length - 1 }),
  whole: fc.nat({ max: 9 }).map((n) => n === 0),
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.nat({ max: 40 })),
  text: fc.oneof(fc.constant(''), bodyPiece, fc.string({ maxLength: 4 }), fc.constantFrom('\n', '\r\n', '\r', '---\n', '\ud800')),
  versionStep: fc.integer({ min: 1, max: 3 }),
  pause,
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** The site, the posts open in the editor, and the language server's validator over them. */
interface Session {
  site: ReturnType<typeof fuzzSite>;
  service: LanguageService;
  live: Harness;
  /** The server's change handlers under way: it does not wait for them. */
  handlers: Promise<void>[];
}

function open(texts: string[]): Session {
  const site = fuzzSite();
  PATHS.forEach((path, i) => site.files.set(path, texts[i]));
  const service = serviceFor(site);
  const session: Session = { site, service, live: harness(service), handlers: [] };
  PATHS.forEach((path, i) => {
    session.live.documents.openWith(toUri(path), texts[i]);
    changed(session, path);
  });
  return session;
}

/** What the server lends to pageEdited, for one open site whose files never change on disk. */
function siteChanges({ live, service }: Session): SiteChangeContext {
  return {
    validator: live.validator,
    serviceFor: async () => service,
    invalidate: () => service.invalidate(),
    indexKeysOf: (uri, build) => service.indexKeysOf(toPath(uri), { build }),
    forgetPage: (uri) => service.forgetPage(toPath(uri)),
    isOpen: (uri) => live.documents.get(uri) !== undefined,
    refreshPulled: () => undefined,
    workspaceChecked: () => false,
    recheckEverything: async () => undefined,
  };
}

/**
 * The server's handler of a changed document (server.ts): a check of it, then of the
 * posts that link to its headings. The server does not wait for it, and logs what it throws.
 */
function changed(session: Session, path: string): void {
  const { live } = session;
  const uri = toUri(path);
  const handle = async () => {
    await live.settings.get(uri);
    live.validator.schedule(uri);
    await pageEdited(siteChanges(session), uri);
  };
  session.handlers.push(handle().catch((error: unknown) => live.connection.console.error(String(error))));
}

/** One edit, as a didChange notification makes it; the server's workspace then reads the document's text in place of its file (language-services.ts). */
function apply(session: Session, { document: which, whole, at, length, text, versionStep }: Edit): void {
  const uri = toUri(PATHS[which]);
  const document = session.live.documents.get(uri)!;
  const start = at % (document.getText().length + 1);
  const end = Math.min(document.getText().length, start + length);
  const change = whole ? { text } : { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
  session.live.documents.edit(uri, [change], document.version + versionStep);
  session.site.files.set(PATHS[which], session.live.documents.get(uri)!.getText());
  changed(session, PATHS[which]);
}

/** Lets the checks under way go on for some microtask turns, or (Infinity) until they all end. */
async function wait(turns: number): Promise<void> {
  if (turns === Infinity) return settled();
  for (let turn = 0; turn < turns; turn++) await Promise.resolve();
}

/** What the validator published last for a document. */
const lastPublished = ({ live }: Session, uri: string) => live.connection.published.filter((params) => params.uri === uri).at(-1);

/** The documents whose last version is not published yet. */
function notPublished(session: Session): string[] {
  return PATHS.map(toUri).filter((uri) => lastPublished(session, uri)?.version !== session.live.documents.get(uri)!.version);
}

/** Waits for every change handler, then until each document's last version is published, then for anything that may follow. */
async function quiet(session: Session): Promise<void> {
  await Promise.all(session.handlers);
  for (let turns = 0; turns < 100 && notPublished(session).length > 0; turns++) await settled();
  for (let turns = 0; turns < 3; turns++) await settled();
}

/** The documents whose last version was never published, once everything under way has ended. */
async function unpublished(session: Session): Promise<string[]> {
  await quiet(session);
  return notPublished(session);
}

test('lsp: after any sequence of edits of two posts, the last diagnostics published for each are those of a fresh check of its final text', async () => {
  await fc.assert(
    fc.asyncProperty(texts, fc.array(edit, { minLength: 1, maxLength: 12 }), async (initial, edits) => {
      const session = open(initial);
      for (const step of edits) {
        apply(session, step);
        await wait(step.pause);
      }
      assert.deepEqual(await unpublished(session), [], 'the last version of every document is published');
      const fresh = serviceFor(session.site);
      for (const path of PATHS) {
        const document = session.live.documents.get(toUri(path))!;
        const expected = (await fresh.check(path, document.getText())).diagnostics.map(toLspDiagnostic);
        assert.deepEqual(lastPublished(session, document.uri), { uri: document.uri, version: document.version, diagnostics: expected }, path);
      }
      assert.deepEqual([session.live.connection.errors, session.live.connection.shown], [[], []], 'nothing went wrong on the way');
    }),
    { numRuns: runsOf('lspEdits') },
  );
});
