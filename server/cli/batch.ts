/**
 * Items on their way somewhere (text to stdout or a report file, a worker's outcomes to
 * its parent), handed on a few at a time rather than one by one: one system call or
 * one message per post was a measurable part of a run. What is gathered is handed on
 * once it reaches `limit`, or as soon as the event loop turns, so a post's report still
 * appears while a slow post after it is being checked.
 */
export class Batch<T> {
  private items: T[] = [];
  private size = 0;
  private scheduled = false;

  constructor(
    private readonly send: (items: T[]) => void,
    /** How much is gathered before it goes at once, as `sizeOf` counts. */
    private readonly limit: number,
    private readonly sizeOf: (item: T) => number = () => 1,
  ) {}

  add(item: T): void {
    this.items.push(item);
    this.size += this.sizeOf(item);
    if (this.size >= this.limit) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Forgets what is gathered: where it was going is gone. */
  drop(): void {
    this.items = [];
    this.size = 0;
  }

  /** Hands on what is gathered now. */
  flush(): void {
    if (this.items.length === 0) return;
    const items = this.items;
    this.drop();
    this.send(items);
  }
}
