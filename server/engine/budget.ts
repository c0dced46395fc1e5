/**
 * How long one post may keep the engine busy. A post written to be slow (or one
 * that meets a slow path nobody found yet) must not stall a CI run or the editor:
 * past its budget, the rules that have not run are skipped, and the post says so.
 */
export interface BudgetOptions {
  /** Milliseconds every post gets, whatever its size. */
  baseMs: number;
  /** Milliseconds more per MiB of text. */
  perMebibyteMs: number;
  /** A monotonic clock in milliseconds; tests give one that moves as they say. */
  clock: () => number;
}

/**
 * Over 30 times what a check takes on the 2-core build machine: a 1 MB post of real
 * blog text takes 0.3 s there, its budget is 6 s (bench/growth.mjs measures both),
 * so a loaded CI machine never meets it on a post a person wrote.
 */
export const DEFAULT_BUDGET: BudgetOptions = {
  baseMs: 3_000,
  perMebibyteMs: 3_000,
  // Stryker disable next-line ArrowFunction: tests always pass their own clock
  clock: () => performance.now(),
};

const MEBIBYTE = 1024 * 1024;

/**
 * The time one check of one post spends on its own work. Only the synchronous steps
 * count (parsing, each rule's run): while a check waits for the site's index, other
 * posts' checks run, and that time is theirs.
 */
export class PostBudget {
  private spentMs = 0;
  /** When the step under way began (`time`), or undefined between steps. */
  private stepStart: number | undefined;
  readonly limitMs: number;

  constructor(
    textLength: number,
    private readonly options: BudgetOptions = DEFAULT_BUDGET,
  ) {
    // The length in UTF-16 units stands for the size: it is known without encoding the text.
    this.limitMs = options.baseMs + (options.perMebibyteMs * textLength) / MEBIBYTE;
  }

  /** Runs one synchronous step of the check, counting its time. */
  time<T>(step: () => T): T {
    const start = this.options.clock();
    this.stepStart = start;
    try {
      return step();
    } finally {
      this.stepStart = undefined;
      this.spentMs += this.options.clock() - start;
    }
  }

  /** Whether the time spent, the step under way included, is past `share` of the budget: asked inside a long step. */
  passed(share: number): boolean {
    const running = this.stepStart === undefined ? 0 : this.options.clock() - this.stepStart;
    return this.spentMs + running > this.limitMs * share;
  }

  get exhausted(): boolean {
    return this.spentMs > this.limitMs;
  }

  get spentSeconds(): number {
    return this.spentMs / 1000;
  }
}
