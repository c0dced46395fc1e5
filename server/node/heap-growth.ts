import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets a heap grow past what it held at its last full collection, in a large
 * run: 15%, where by default it may grow to several times that while memory is plenty.
 * A check makes much short-lived garbage (each post's trees), and each worker's heap grew
 * with it: at 68,000 posts the run peaked at 1,044 MiB, of which about 140 MB per worker
 * was alive; at 15%, 520 to 531 MiB (bench/README.md, the results of 2026-12-06).
 */
const HEAP_GROWING_PERCENT = 15;

/**
 * From how many posts a run keeps its heaps small. Below it, V8's own growth is kept: on
 * 6,800 posts the 15% cost about 5% more CPU in collections (7.3 to 7.6 s against 6.9 to
 * 7.2 s), for a peak of 335 MB rather than 450, far from any limit.
 */
const LARGE_RUN = 20_000;

let keptSmall = false;

/**
 * Keeps every heap small once a run is known to check `posts` posts or more (told as the
 * files are found, so usually before the workers have any post to check). V8's flags are
 * the process's and its heaps read this one as they grow, the workers' already running
 * included. Set after start-up, it no longer matches the flags the build's code cache was
 * written with: a worker started after it compiles the bundle itself, about 100 ms of CPU,
 * nothing beside a run of this size. Once set, it stays.
 */
export function keepHeapsSmallFor(posts: number): void {
  if (keptSmall || posts < LARGE_RUN) return;
  keptSmall = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * V8 11's growth factor of the young generation: each time enough of it survives a
 * collection, it doubles, up to 16 MB semi-spaces. V8 sets any smaller factor back to
 * this one whenever it configures a heap (a worker thread's, as it starts).
 */
const YOUNG_GROWTH = 2;

let youngKeptSmall = false;

/**
 * Keeps the main thread's young generation at its first size (1 MB semi-spaces) while a
 * `--cache` run reads its cache and surveys the site: all long-lived data, which only
 * makes the young generation grow, each page it grows into a page fault. On the
 * benchmark's 2-core VM a fault costs about 10 microseconds (a C loop touching fresh
 * pages measured 9.8 us a page): a cached run of the 6,800 posts touched 6,500 fewer
 * pages (27,000 to 20,500) and took 80 ms less (alternating runs, 0.86 s to 0.79 s).
 *
 * Set while the run is under way, after the main thread's heap was configured and its
 * code compiled: as a start-up flag V8 would set it back to 2 as it configured the heap.
 * `restoreYoungGrowth` undoes it before a worker starts: a worker's code cache (written
 * under the flags of the build's run) is used only while the flags are those, and V8
 * setting it back as it configures the worker's heap is not left to chance. Only on
 * V8 11 (Node 20), where it was measured.
 */
export function keepYoungGenerationSmall(): void {
  if (youngKeptSmall || !process.versions.v8.startsWith('11.')) return;
  youngKeptSmall = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** Gives the young generation its growth again, before a worker thread starts (`keepYoungGenerationSmall`). */
export function restoreYoungGrowth(): void {
  if (!youngKeptSmall) return;
  youngKeptSmall = false;
  setFlagsFromString(`--semi-space-growth-factor=${YOUNG_GROWTH}`);
}
