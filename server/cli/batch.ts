/**
 * Items on their way somewhere (a worker's outcomes to its parent), handed on a few at
 * a time rather than one by one: one message per post was a measurable part of a run.
 * What is gathered is handed on once it reaches `limit`, or as soon as the event loop
 * turns, so a post's outcome still arrives while a slow post after it is being checked.
 */
export class Batch<T> {
  private items: T[] = [];
  private readonly flushSoon = soon(() => this.flush());

  constructor(
    private readonly send: (items: T[]) => void,
    /** How many are gathered before they go at once. */
    private readonly limit: number,
  ) {}

  add(item: T): void {
    this.items.push(item);
    if (this.items.length >= this.limit) this.flush();
    else this.flushSoon();
  }

  /** Hands on what is gathered now. */
  flush(): void {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.send(items);
  }
}

/**
 * Report text on its way to stdout or a file, encoded as UTF-8 into one buffer as it
 * comes and handed on as bytes once the buffer is nearly full, or as soon as the event
 * loop turns. One write per post made 6,800 system calls, a twentieth of a cached run;
 * gathering strings and joining them took a twentieth more.
 */
export class TextBatch {
  private buffer = Buffer.allocUnsafeSlow(0);
  private used = 0;
  private readonly flushSoon = soon(() => this.flush());

  constructor(
    private readonly send: (bytes: Buffer) => void,
    /** The buffer's size in bytes. */
    private readonly size: number,
  ) {}

  add(text: string): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    if (text.length * 3 > this.buffer.length - this.used) {
      this.flush();
      if (text.length * 3 > this.size) {
        this.send(Buffer.from(text));
        return;
      }
      // A new buffer each time: the stream may still hold the one it was given.
      this.buffer = Buffer.allocUnsafeSlow(this.size);
    }
    this.used += this.buffer.write(text, this.used);
    this.flushSoon();
  }

  /** Forgets what is gathered: where it was going is gone. */
  drop(): void {
    this.used = 0;
  }

  /** Hands on what is gathered now. */
  flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafeSlow(0);
    this.used = 0;
    this.send(bytes);
  }
}

/** `action`, run once the event loop turns, however often it is asked for until then. */
function soon(action: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      action();
    });
  };
}
