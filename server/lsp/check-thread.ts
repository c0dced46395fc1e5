import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigError } from '../engine/config/config';
import type { CheckResult } from '../engine/language-service';
import type { ExternalVerdict } from '../engine/links/external';
import { INTERNAL_ERROR } from '../engine/run-rules';
import { LanguageServices } from './language-services';
import { toPath } from './convert';

/**
 * The language server checks posts on a thread of its own, so that hover, completion
 * and code actions answer at once from the last results while a long check runs, and
 * so that a check stuck in one step (a parser's, which cannot be interrupted from
 * inside) can be stopped: the thread is ended and started again.
 */

/** Which language service answers for a document: the settings that choose it. */
export interface ServiceChoice {
  /** The `postlint.configFile` that applies ('' for none). */
  configFile: string;
  /** Whether the editor trusts the folder (`LanguageServices.trusted`). */
  trusted: boolean;
}

/** What the thread is asked: a check, or where a changed file is in the site's page index (`LanguageService.indexKeysOf`). */
type Request = ({ kind: 'check'; uri: string; text: string } | { kind: 'indexKeys'; uri: string; build: boolean }) & ServiceChoice;

type Answer = CheckResult | string[] | 'site';

/** An open document, as the thread needs it: another post's headings are what the editor holds. */
export interface OpenDocument {
  uri: string;
  version: number;
  getText(): string;
}

type ToThread =
  | { id: number; request: Request }
  | { documents: { uri: string; text: string | null }[] }
  | { invalidate: true }
  | { verdicts: [string, ExternalVerdict][] }
  | { forgetPage: { uri: string } & ServiceChoice };

type FromThread = { id: number; answer: Answer } | { id: number; failure: { message: string; stack?: string; config?: { file: string; detail: string } } };

interface Pending {
  request: Request;
  resolve(answer: Answer): void;
  reject(error: unknown): void;
  /** Whether it is being tried alone, having been under way on a thread that had to be stopped. */
  alone: boolean;
}

export interface CheckThreadOptions {
  /** The script the thread runs: the server's own bundle, which serves checks when started as one (`serveChecksIfAny`). */
  entryFile: string;
  /** The documents open in the editor now. */
  openDocuments: () => Iterable<OpenDocument>;
  /**
   * How long the thread may go without a heartbeat while checks are under way, before it is
   * stopped. Far past any post's budget (server/engine/budget.ts): only a step that never ends meets it.
   */
  stallMs?: number;
  /** Told when the thread had to be stopped, with why: the server logs it. */
  log?: (line: string) => void;
}

/** How often the thread beats, and how often the server looks. */
const BEAT_MS = 250;
const DEFAULT_STALL_MS = 60_000;

export class CheckThread {
  private worker!: Worker;
  /** The thread's heartbeat: a counter it moves every BEAT_MS while its event loop turns. */
  private beat!: Int32Array;
  private lastBeat = 0;
  private lastBeatAt = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The version of each open document the thread holds. */
  private readonly sent = new Map<string, number>();
  private watch: ReturnType<typeof setInterval> | undefined;
  /** Requests that were under way on a thread that had to be stopped: each is tried again alone, in turn. */
  private readonly suspects: number[] = [];
  /** The suspect being tried alone now. */
  private isolated: number | undefined;
  private disposed = false;
  /** The latest verdict sent for each URL, so that a thread started again gets them too (a list grew with every run of the command). */
  private readonly verdicts = new Map<string, ExternalVerdict>();

  constructor(private readonly options: CheckThreadOptions) {
    this.start();
  }

  check(uri: string, text: string, choice: ServiceChoice): Promise<CheckResult> {
    return this.ask({ kind: 'check', uri, text, ...choice }) as Promise<CheckResult>;
  }

  indexKeysOf(uri: string, build: boolean, choice: ServiceChoice): Promise<string[] | 'site'> {
    return this.ask({ kind: 'indexKeys', uri, build, ...choice }) as Promise<string[] | 'site'>;
  }

  /** Files changed on disk or settings changed: the thread forgets what it read. */
  invalidate(): void {
    this.post({ invalidate: true });
  }

  /** What the dead-link check found: the thread's checks read them too. */
  addVerdicts(verdicts: [string, ExternalVerdict][]): void {
    for (const [key, verdict] of verdicts) this.verdicts.set(key, verdict);
    this.post({ verdicts });
  }

  /** A page is being edited: the thread forgets its headings. The checks asked for after this see it. */
  forgetPage(uri: string, choice: ServiceChoice): void {
    this.post({ forgetPage: { uri, ...choice } });
  }

  private ask(request: Request): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { request, resolve, reject, alone: false });
      this.send(id, request);
    });
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.watch);
    void this.worker.terminate();
  }

  private start(): void {
    this.beat = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    this.worker = new Worker(this.options.entryFile, { workerData: { postlintLspChecks: true, beat: this.beat } });
    this.worker.on('message', (message: FromThread) => this.answer(message));
    this.worker.on('error', (error) => this.options.log?.(`Postlint: the check thread failed: ${error.stack ?? error.message}`));
    this.worker.on('exit', () => this.restartAfterExit());
    this.sent.clear();
    if (this.verdicts.size > 0) this.post({ verdicts: [...this.verdicts] });
    this.lastBeatAt = Date.now();
    this.watch ??= setInterval(() => this.lookAtBeat(), BEAT_MS * 4);
    this.watch.unref();
  }

  private send(id: number, request: Request): void {
    this.syncDocuments();
    this.post({ id, request });
  }

  private post(message: ToThread): void {
    this.worker.postMessage(message);
  }

  /** The open documents whose text the thread does not hold yet, and those closed since. */
  private syncDocuments(): void {
    const documents: { uri: string; text: string | null }[] = [];
    const open = new Set<string>();
    for (const document of this.options.openDocuments()) {
      open.add(document.uri);
      if (this.sent.get(document.uri) === document.version) continue;
      this.sent.set(document.uri, document.version);
      documents.push({ uri: document.uri, text: document.getText() });
    }
    for (const uri of this.sent.keys()) {
      if (open.has(uri)) continue;
      this.sent.delete(uri);
      documents.push({ uri, text: null });
    }
    if (documents.length > 0) this.post({ documents });
  }

  private answer(message: FromThread): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.settle(message.id);
    if ('answer' in message) return pending.resolve(message.answer);
    const { message: text, stack, config } = message.failure;
    pending.reject(config ? new ConfigError(config.file, config.detail) : Object.assign(new Error(text), { stack }));
  }

  /** A request is answered: the next suspect, if any, gets its turn alone. */
  private settle(id: number): void {
    this.pending.delete(id);
    if (id !== this.isolated) return;
    this.isolated = undefined;
    this.tryNextSuspect();
  }

  private tryNextSuspect(): void {
    if (this.isolated !== undefined) return;
    const id = this.suspects.shift();
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (id === undefined || !pending) return;
    pending.alone = true;
    this.isolated = id;
    this.send(id, pending.request);
  }

  /** While checks are under way, a thread whose heartbeat stopped for `stallMs` is stuck in one step: it is stopped. */
  private lookAtBeat(): void {
    const now = Date.now();
    const beat = Atomics.load(this.beat, 0);
    if (beat !== this.lastBeat || this.pending.size === 0) {
      this.lastBeat = beat;
      this.lastBeatAt = now;
      return;
    }
    if (now - this.lastBeatAt < (this.options.stallMs ?? DEFAULT_STALL_MS)) return;
    this.options.log?.(`Postlint: a check ran for over ${Math.round((now - this.lastBeatAt) / 1000)} s without a pause; its thread was stopped and started again.`);
    this.stopStuck();
  }

  /** Ends the stuck thread, and starts another in its place. */
  private stopStuck(): void {
    const stuck = this.worker;
    stuck.removeAllListeners('exit');
    void stuck.terminate();
    this.replaceThread();
  }

  /** The thread ended by itself (a crash, out of memory): a new one takes the checks under way. */
  private restartAfterExit(): void {
    if (this.disposed) return;
    this.options.log?.('Postlint: the check thread stopped; it is started again.');
    this.replaceThread();
  }

  /**
   * A new thread, and the requests the old one had under way. Which of them stopped it
   * is not known: each is tried again alone, in turn, and one that stops a thread while
   * alone is answered as not done (`notAnswered`), never tried again.
   */
  private replaceThread(): void {
    this.start();
    for (const [id, pending] of this.pending) {
      if (pending.alone) {
        this.pending.delete(id);
        pending.resolve(notAnswered(pending.request));
      } else if (!this.suspects.includes(id)) {
        this.suspects.push(id);
      }
    }
    this.isolated = undefined;
    this.tryNextSuspect();
  }
}

/**
 * In place of the answer to a request whose thread had to be stopped twice: a check
 * says it could not be done; a page index that could not be built may touch any post.
 */
function notAnswered(request: Request): Answer {
  if (request.kind === 'indexKeys') return 'site';
  return {
    path: toPath(request.uri),
    isPost: true,
    reproducible: false,
    unverified: [],
    dependencies: [],
    diagnostics: [
      {
        ruleId: INTERNAL_ERROR,
        severity: 'error',
        message: 'Postlint could not check this post: checking it stopped the thread that checks posts, twice. A step ran for a minute without a pause, or the thread failed. Please report this, with the post.',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        docsUrl: 'https://github.com/postlint/postlint/blob/main/docs/internal-error.md',
        fixes: [],
      },
    ],
  };
}

/** In a thread started by `CheckThread`: serve its checks, and return true. Elsewhere, false. */
export function serveChecksIfAny(): boolean {
  if (isMainThread || workerData?.postlintLspChecks !== true) return false;
  const beat = workerData.beat as Int32Array;
  setInterval(() => Atomics.add(beat, 0, 1), BEAT_MS);
  const texts = new Map<string, string>();
  const services = new LanguageServices((uri) => texts.get(uri));
  const port = parentPort!;
  port.on('message', (message: ToThread) => {
    if ('documents' in message) {
      for (const { uri, text } of message.documents) {
        if (text === null) texts.delete(uri);
        else texts.set(uri, text);
      }
    } else if ('invalidate' in message) {
      services.invalidate();
    } else if ('verdicts' in message) {
      services.addVerdicts(message.verdicts);
    } else if ('forgetPage' in message) {
      const { uri, configFile, trusted } = message.forgetPage;
      services.trusted = trusted;
      void services.get(configFile).forgetPage(toPath(uri));
    } else {
      void serve(services, message.id, message.request).then((answer) => port.postMessage(answer));
    }
  });
  return true;
}

async function serve(services: LanguageServices, id: number, request: Request): Promise<FromThread> {
  services.trusted = request.trusted;
  const service = services.get(request.configFile);
  const path = toPath(request.uri);
  try {
    const answer = request.kind === 'check' ? await service.check(path, request.text) : await service.indexKeysOf(path, { build: request.build });
    return { id, answer };
  } catch (error) {
    const config = error instanceof ConfigError ? { file: error.file, detail: error.detail } : undefined;
    return { id, failure: { message: (error as Error).message ?? String(error), stack: (error as Error).stack, config } };
  }
}
