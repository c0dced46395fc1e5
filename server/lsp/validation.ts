import type { Connection, Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, ConfigError } from '../engine/config/config';
import { CONFIG_STATUS, type ConfigStatusParams } from '../../schemas/protocol';
import { configDiagnostics } from '../engine/config/config-diagnostics';
import type { Diagnostic, Unverified } from '../engine/types';
import { UnverifiedCounts } from '../engine/unverified-counts';
import { toLspDiagnostic, toPath } from './convert';
import type { CheckResult, LanguageService } from '../engine/language-service';
import type { SettingsCache } from './settings';
import { formatMegabytes, NodeWorkspace, refusalText } from '../node/node-workspace';
import { exceedsSize } from './language-services';

/**
 * Documents longer than this (in UTF-16 units: 1 MiB of plain text) are checked when
 * saved or after a pause in typing, never on each keystroke: one check takes a
 * second or more, and the editor would be checking without end.
 */
export const LARGE_DOCUMENT = 1024 * 1024;

/** How long typing must pause before a large document is checked. */
export const LARGE_DOCUMENT_PAUSE_MS = 1500;

/**
 * Checks documents as they change. Changes are coalesced: while a check runs, a
 * newer change only marks the document dirty, and one more check follows with the
 * latest text; a result whose version is no longer current is never published.
 */
export class Validator {
  /** The engine's diagnostics last published per URI: code actions read their fixes. */
  readonly results = new Map<string, Diagnostic[]>();
  /** Closed files whose problems were pushed to a client that pulls those of open documents. */
  private readonly pushed = new Set<string>();
  /** What each post's last check looked up in its site's page index (`CheckResult.dependencies`). */
  private readonly dependencies = new Map<string, Set<string>>();
  /** The unverified lines last logged for each post (`logUnverified`). */
  private readonly unverifiedLogged = new Map<string, string>();
  /** Documents whose check is under way; a change meanwhile marks them `dirty`, for the next check. */
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly reportedConfigErrors = new Set<string>();
  /** Large documents edited since their last check: the timer checks them once typing pauses. */
  private readonly pauses = new Map<string, ReturnType<typeof setTimeout>>();
  /** Large documents whose checking on pause the log has explained. */
  private readonly toldLarge = new Set<string>();
  /**
   * Pulls being answered, by document: another pull of the same version waits for the same
   * check. VS Code pulls a document again as its editor opens and shows (four pulls of one
   * post were once under way together at start-up, each checking it from the start, the
   * first answered after 0.67 s instead of 0.2 s).
   */
  private readonly pulling = new Map<string, { version: number; diagnostics: Promise<Diagnostic[]> }>();
  /** Pull mode: the client asks for diagnostics; nothing is pushed for open documents. */
  pull = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
    /** The language service for a resource, its settings applied. */
    private readonly serviceFor: (uri: string) => Promise<LanguageService>,
    /** The disk, from which closed posts are read within their site (the language services' own, so that it forgets with them). */
    private readonly disk: NodeWorkspace = new NodeWorkspace(),
    /** Checks a text: by default the resource's language service, here; the server checks on its own thread (`CheckThread`). */
    private readonly check: (uri: string, text: string) => Promise<CheckResult> = async (uri, text) => (await serviceFor(uri)).check(toPath(uri), text),
  ) {}

  /** The engine's diagnostics for a text, or none when Postlint is off there; never throws. */
  async diagnose(uri: string, text: string): Promise<Diagnostic[]> {
    if (!uri.startsWith('file:')) return [];
    const settings = await this.settings.get(uri);
    if (!settings.enable) return [];
    // A huge text would hold the server up for long, and nobody writes a post that size.
    // Stryker disable next-line StringLiteral: Buffer.byteLength's default encoding is UTF-8 too; the name is written for the reader
    if (exceedsSize(text, this.disk.maxFileSize)) return [tooLarge(Buffer.byteLength(text, 'utf8'), this.disk.maxFileSize)];
    if (uri.endsWith(`/${CONFIG_FILE_NAME}`)) return configDiagnostics(text);
    try {
      const result = await this.check(uri, text);
      this.dependencies.set(uri, new Set(result.dependencies));
      this.logUnverified(result.path, result.unverified);
      if (result.configProblem) this.reportConfigProblem(`${result.configProblem}. Posts are checked with the last config that could be read (or the preset's) until it is mended`);
      else if (result.isPost && this.reportedConfigErrors.size > 0) {
        this.reportedConfigErrors.clear();
        void this.connection.sendNotification(CONFIG_STATUS, { configProblem: null } satisfies ConfigStatusParams);
      }
      return result.diagnostics;
    } catch (error) {
      this.reportFailure(error);
      return [];
    }
  }

  /**
   * What a check could not verify goes to the log, as the CLI's summary says it: never a
   * silent skip. Said again only when it changes: a post is checked at every keystroke.
   */
  private logUnverified(path: string, unverified: Unverified[]): void {
    const counts = new UnverifiedCounts();
    for (const { ruleId, reason } of unverified) counts.add(ruleId, reason);
    const lines = counts.lines().map((line) => `Postlint: ${path}: ${line}`);
    const said = lines.join('\n');
    if (this.unverifiedLogged.get(path) === said) return;
    this.unverifiedLogged.set(path, said);
    for (const line of lines) this.connection.console.info(line);
  }

  /** A broken config is told once, in a message and in the log, without a stack trace; again only after it was mended. */
  private reportConfigProblem(line: string): void {
    if (this.reportedConfigErrors.has(line)) return;
    this.reportedConfigErrors.add(line);
    this.connection.window.showErrorMessage(`Postlint: ${line}`);
    this.connection.console.error(`Postlint: ${line}`);
    void this.connection.sendNotification(CONFIG_STATUS, { configProblem: line } satisfies ConfigStatusParams);
  }

  private reportFailure(error: unknown): void {
    if (error instanceof ConfigError) return this.reportConfigProblem(error.oneLine());
    this.connection.console.error(`Postlint failed: ${(error as Error).stack ?? String(error)}`);
  }

  /**
   * An open document's text changed: it is checked now or, when it is large, once
   * typing pauses (or when it is saved: `saved`).
   */
  edited(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || document.getText().length <= LARGE_DOCUMENT) return this.schedule(uri);
    if (!this.toldLarge.has(uri)) {
      this.toldLarge.add(uri);
      const seconds = LARGE_DOCUMENT_PAUSE_MS / 1000;
      this.connection.console.info(`Postlint: ${toPath(uri)} is over 1 MB: it is checked when you save it or stop typing for ${seconds} s, not on each keystroke.`);
    }
    clearTimeout(this.pauses.get(uri));
    this.pauses.set(
      uri,
      setTimeout(() => this.checkPaused(uri), LARGE_DOCUMENT_PAUSE_MS),
    );
  }

  /** A document was saved: a large one waiting for a pause in typing is checked now. */
  saved(uri: string): void {
    if (this.pauses.has(uri)) this.checkPaused(uri);
  }

  private checkPaused(uri: string): void {
    clearTimeout(this.pauses.get(uri));
    this.pauses.delete(uri);
    this.recheck(uri);
  }

  /** Checks a document again now that something it depends on changed (the dead-link verdicts). */
  recheck(uri: string): void {
    // A client that pulls is asked to pull again: its next request is checked.
    if (this.pull && this.documents.get(uri)) {
      this.newPullRound();
      void this.connection.languages.diagnostics.refresh();
    } else this.schedule(uri);
  }

  /** Pull mode's answer: the diagnostics of the document as it is now. */
  async pullDiagnostics(uri: string): Promise<LspDiagnostic[]> {
    const document = this.documents.get(uri);
    if (!document) return [];
    // A large document being typed in keeps its last problems until typing pauses.
    if (this.pauses.has(uri)) return (this.results.get(uri) ?? []).map(toLspDiagnostic);
    const diagnostics = await this.pulledCheck(uri, document.version, document.getText());
    this.results.set(uri, diagnostics);
    return diagnostics.map(toLspDiagnostic);
  }

  /** The check a pull of this version waits for: the one under way, or a new one. */
  private pulledCheck(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const pending = this.pulling.get(uri);
    if (pending?.version === version) return pending.diagnostics;
    const diagnostics = this.diagnose(uri, text).finally(() => {
      if (this.pulling.get(uri)?.diagnostics === diagnostics) this.pulling.delete(uri);
    });
    this.pulling.set(uri, { version, diagnostics });
    return diagnostics;
  }

  /**
   * Something the checks depend on changed (the server is about to ask the client to pull
   * again): pulls from now on check anew, even of a version whose check is under way.
   */
  newPullRound(): void {
    this.pulling.clear();
  }

  /**
   * The checked posts whose problems may change when files with these keys
   * (`LanguageService.indexKeysOf`) change: those whose check reached or looked for
   * one of them, and those with a broken link or fragment, which a new or renamed
   * file may mend (or whose suggested fix it may change), unless `withBroken` is false.
   */
  dependents(keys: Iterable<string>, withBroken = true): string[] {
    const wanted = [...keys];
    const found: string[] = [];
    for (const [uri, diagnostics] of this.results) {
      const looked = this.dependencies.get(uri);
      const broken = withBroken && diagnostics.some((diagnostic) => diagnostic.ruleId === 'link-broken-local' || diagnostic.ruleId === 'link-broken-fragment');
      if (broken || (looked && wanted.some((key) => looked.has(key)))) found.push(uri);
    }
    return found;
  }

  /**
   * Checks a document again, coalescing with a check under way: an open one from
   * its text (in pull mode the client asks instead), a closed one from the disk.
   */
  schedule(uri: string): void {
    if (this.pull && this.documents.get(uri)) return;
    if (this.running.has(uri)) {
      this.dirty.add(uri);
      return;
    }
    this.run(uri);
  }

  /** One check of a document; when it ends, `ended` decides whether another follows. */
  private run(uri: string): void {
    this.running.add(uri);
    this.dirty.delete(uri);
    void this.validateOnce(uri)
      .catch((error: unknown) => this.reportFailure(error))
      .finally(() => this.ended(uri));
  }

  /**
   * A check ended. In this one synchronous step the next check starts (a change came
   * meanwhile) or the document leaves `running`: with a microtask between the test of
   * `dirty` and the leaving, a change scheduled then was marked dirty with no check left
   * to see it, and its version was never checked.
   */
  private ended(uri: string): void {
    if (this.dirty.has(uri)) this.run(uri);
    else this.running.delete(uri);
  }

  private async validateOnce(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return this.validateClosed(uri);
    const version = document.version;
    const diagnostics = await this.diagnose(uri, document.getText());
    // A newer version arrived meanwhile: its own check follows, and this result is stale.
    if (this.documents.get(uri)?.version !== version) return;
    this.results.set(uri, diagnostics);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map(toLspDiagnostic) });
  }

  /** A post that is not open, read from the disk; a post that is gone takes its problems with it. */
  private async validateClosed(uri: string): Promise<void> {
    const diagnostics = await this.diagnoseClosed(uri);
    if (diagnostics === undefined) return this.withdraw(uri);
    await this.publishFile(uri, diagnostics);
  }

  /**
   * The diagnostics of a post that is not open, read from the disk within its site
   * as the CLI reads it: never a FIFO, a device or a file the size limit refuses, nor
   * one a symlink leads out of the site. Undefined when it is not read (said in the
   * log, unless it is simply gone); a file too large gets the one diagnostic that says so.
   */
  async diagnoseClosed(uri: string): Promise<Diagnostic[] | undefined> {
    const path = toPath(uri);
    const root = (await (await this.serviceFor(uri)).siteFor(path)).root;
    const read = this.disk.within(root).readText(path);
    if ('text' in read) return this.diagnose(uri, read.text);
    if (read.refused === 'too-large' && (await this.settings.get(uri)).enable) return [tooLarge(read.size ?? 0, this.disk.maxFileSize)];
    if (read.refused !== 'not-found') this.connection.console.warn(`Postlint: ${path}: ${refusalText(read, this.disk.maxFileSize, 'checked')}`);
    return undefined;
  }

  /** Publishes diagnostics of a file that is not open (whole-site checks). */
  async publishFile(uri: string, diagnostics: Diagnostic[]): Promise<void> {
    // Opened while it was being checked: the open document's own checks speak for it now.
    if (this.documents.get(uri)) return;
    this.results.set(uri, diagnostics);
    if (this.pull) this.pushed.add(uri);
    await this.connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLspDiagnostic) });
  }

  /**
   * A document opened in pull mode: the client now pulls its problems, and would list
   * a pushed copy beside them, left stale as the text changes. The copy is withdrawn.
   */
  async opened(uri: string): Promise<void> {
    if (!this.pushed.delete(uri)) return;
    await this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Clears the problems of closed files not in `keep`: after a whole-site check, the posts that are gone. */
  async clearClosedExcept(keep: Set<string>): Promise<void> {
    // A copy of the keys: withdrawing deletes from the map while it is walked.
    for (const uri of Array.from(this.results.keys())) {
      if (!keep.has(uri) && !this.documents.get(uri)) await this.withdraw(uri);
    }
  }

  /** Forgets a file and clears its problems in the client's list. */
  async withdraw(uri: string): Promise<void> {
    this.forget(uri);
    await this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  forget(uri: string): void {
    clearTimeout(this.pauses.get(uri));
    this.pauses.delete(uri);
    this.toldLarge.delete(uri);
    this.results.delete(uri);
    this.pushed.delete(uri);
    this.dependencies.delete(uri);
    this.dirty.delete(uri);
  }
}

/**
 * In place of a check, for a file larger than the limit: no rule (as ESLint's fatal
 * messages have none), so no code, no docs link and no "disable" action.
 */
function tooLarge(size: number, maxFileSize: number): Diagnostic {
  return {
    ruleId: '',
    severity: 'error',
    message: `Postlint did not check this file: it is over the ${formatMegabytes(maxFileSize)} MB limit on the files it reads. It is ${size} bytes.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    docsUrl: '',
    fixes: [],
  };
}
