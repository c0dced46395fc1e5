import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets a heap grow past what it held at its last full collection: 15%,
 * where by default it may grow to several times that while memory is plenty. A check
 * makes much short-lived garbage (each post's trees), and each worker's heap grew
 * with it: at 68,000 posts the run peaked at 1,044 MiB, of which about 140 MB per
 * worker was alive; at 25%, 543 to 559 MiB; at 15%, 520 to 531 MiB, in the same CPU
 * time (bench/README.md, the results of 2026-12-06).
 */
const HEAP_GROWING_PERCENT = 15;

/**
 * Set as the worker threads start: V8's flags are the process's, and each new heap
 * takes them. Setting it again is harmless. The workers then refuse the build's code
 * cache (V8's check of a cache covers the flags); measured, that costs no time, as the
 * bundle's functions are compiled lazily either way (6,800 posts: 4.0 to 4.2 s both
 * ways), while a flag set once the workers had compiled left a higher peak (565 MiB
 * at 68,000 posts, against 520 to 531).
 */
export function keepHeapsSmall(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
