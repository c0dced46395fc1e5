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
