/**
 * How many requests are in flight: at most `total` in all and `perHost` to any one host,
 * so that a post with fifty links to one site does not look like an attack on it. Tasks
 * wait in one queue per host, and a freed slot goes to the longest-waiting host that has
 * room, so a crowded host never holds up the others.
 */
export class Limiter {
  private active = 0;
  private readonly activeByHost = new Map<string, number>();
  /** Waiting tasks by host; a host leaves the map when its queue empties, so the map's order is the order hosts started waiting. */
  private readonly waiting = new Map<string, Queue>();

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {}

  /** Runs `task` once a slot for `host` is free, and frees it when the task settles. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.slot(host);
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  private slot(host: string): Promise<void> {
    if (this.hasRoom(host)) {
      this.take(host);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(host) ?? { starts: [], next: 0 };
      queue.starts.push(resolve);
      this.waiting.set(host, queue);
    });
  }

  private release(host: string): void {
    this.active--;
    const left = (this.activeByHost.get(host) ?? 1) - 1;
    if (left === 0) this.activeByHost.delete(host);
    else this.activeByHost.set(host, left);
    this.startWaiting();
  }

  private startWaiting(): void {
    for (const [host, queue] of this.waiting) {
      if (this.active >= this.total) return;
      while (queue.next < queue.starts.length && this.hasRoom(host)) {
        this.take(host);
        queue.starts[queue.next++]();
      }
      if (queue.next === queue.starts.length) this.waiting.delete(host);
    }
  }

  private hasRoom(host: string): boolean {
    return this.active < this.total && (this.activeByHost.get(host) ?? 0) < this.perHost;
  }

  private take(host: string): void {
    this.active++;
    this.activeByHost.set(host, (this.activeByHost.get(host) ?? 0) + 1);
  }
}

/** The tasks waiting for one host, first at `next` (an index, not shift(): a site's thousand links would make each start copy the rest). */
interface Queue {
  starts: (() => void)[];
  next: number;
}

/** `work` over every item, at most `limit` at a time; the results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
