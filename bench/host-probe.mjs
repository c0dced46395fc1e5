// What this machine charges for the two things a Postlint run does most besides computing:
// touching memory for the first time (every page a heap grows into) and calling the kernel
// (an lstat per file of a cached run, an open, fstat, read and close per post of a check).
//
// Why the benchmark prints them: the same build of Postlint measured 0.14 of
// markdownlint-cli2's time on one host and 0.18 on another with the same model of CPU,
// while markdownlint-cli2's own time did not move. The second was a paravirtualised guest
// where a fresh page cost about 10 µs and an lstat about 10 µs. Postlint, with three heaps
// growing over a few seconds, feels that; markdownlint-cli2, one thread for twenty seconds,
// barely does. A figure is only comparable with another taken where these were alike.

import { spawnSync } from 'node:child_process';
import { median } from './common.mjs';

/** Pages touched per sample: 64 MiB, enough to leave malloc's arenas for fresh mappings. */
const PROBE_PAGES = 16_384;
const PAGE_BYTES = 4096;
const SAMPLES = 3;

// Run in a child process of its own, so that its memory is fresh and is not this process's.
const PAGE_PROBE = `
const buffer = Buffer.allocUnsafeSlow(${PROBE_PAGES * PAGE_BYTES});
const start = process.hrtime.bigint();
for (let offset = 0; offset < buffer.length; offset += ${PAGE_BYTES}) buffer[offset] = 1;
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e3 / ${PROBE_PAGES}));
`;

const CALLS = 20_000;
const CALL_PROBE = `
const { lstatSync } = require('node:fs');
const path = process.execPath;
for (let i = 0; i < 1000; i++) lstatSync(path);
const start = process.hrtime.bigint();
for (let i = 0; i < ${CALLS}; i++) lstatSync(path);
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e3 / ${CALLS}));
`;

/** The median over a few child processes of what `code` prints, a number of microseconds; undefined if it printed none. */
function sample(code) {
  const values = [];
  for (let i = 0; i < SAMPLES; i++) {
    const run = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    const value = Number(run.stdout);
    if (run.status === 0 && Number.isFinite(value) && value > 0) values.push(value);
  }
  return values.length > 0 ? median(values) : undefined;
}

/** Microseconds for the first touch of a page, and for one lstat of a file the kernel has cached. */
export function probeHost() {
  return { pageTouchMicros: sample(PAGE_PROBE), lstatMicros: sample(CALL_PROBE) };
}

/** One line for the benchmark's header. */
export function describeHost({ pageTouchMicros, lstatMicros }) {
  const micros = (value) => (value === undefined ? '?' : `${value.toFixed(2)} µs`);
  return `host costs: first touch of a 4 KiB page ${micros(pageTouchMicros)}, one lstat ${micros(lstatMicros)} (medians of ${SAMPLES} child processes; see bench/README.md)`;
}
