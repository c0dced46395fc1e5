/** At most this often: a terminal redrawn more often only costs time. */
const REDRAW_EVERY_MS = 100;
const WIDTH = 24;

/**
 * A one-line progress bar on a terminal (`postlint check --check-external`): redrawn
 * in place, at most ten times a second, and cleared when done so that the report
 * that follows starts on a clean line.
 */
export class ProgressBar {
  private drawnAt = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {}

  update(done: number, total: number, failures: number): void {
    const time = this.now();
    if (done < total && time - this.drawnAt < REDRAW_EVERY_MS) return;
    this.drawnAt = time;
    this.drawn = true;
    this.stream.write(`\r${progressLine(this.label, done, total, failures)}\x1b[K`);
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** `external links [########----------------] 120/360, 2 failing`. */
export function progressLine(label: string, done: number, total: number, failures: number): string {
  const filled = total === 0 ? WIDTH : Math.round((WIDTH * done) / total);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
  return `${label} [${bar}] ${done}/${total}${failures > 0 ? `, ${failures} failing` : ''}`;
}

/** Whether to draw one: a terminal, and not CI (whose logs keep every redraw). */
export function wantsProgressBar(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.CI;
}
