// What the benchmarks share: their figures' arithmetic and the error that means the benchmark itself failed.

/** The middle of the values (the mean of the two middle ones for an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const fmtInt = (n) => n.toLocaleString('en-US');

/** The benchmark could not measure (a tool crashed, or its output is not what was checked): exit 2. */
export class BenchFailure extends Error {}
