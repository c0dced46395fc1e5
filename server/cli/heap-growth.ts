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
 * Set first thing as the process starts (`boot.ts`), before the bundle is compiled:
 * V8's flags are the process's, each new heap (a worker's) takes them, and V8 checks a
 * code cache against them. Set there, the main thread and the workers all use the
 * build's code cache, which was written with the same flags; set as the workers
 * started, the workers refused it and compiled the bundle themselves (about 100 ms of
 * CPU each). Set once the workers had compiled, it left a higher peak (565 MiB at
 * 68,000 posts, against 520 to 531).
 */
export function keepHeapsSmall(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
