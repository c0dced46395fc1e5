// Peak memory and CPU time of a child process, for the benchmarks.
//
// GNU time (Debian: apt-get install time) reports the child's peak RSS and CPU time. Without it, a module
// preloaded into the child writes Node's own process.resourceUsage() at exit: the peak RSS of the whole
// process, worker threads included.

import * as fs from 'node:fs';
import * as path from 'node:path';

const GNU_TIME_CANDIDATES = ['/usr/bin/time', '/bin/time'];

function findGnuTime() {
  for (const candidate of GNU_TIME_CANDIDATES) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not there: try the next
    }
  }
  return undefined;
}

/** A meter for child processes whose figures are written under `workDir`. */
export function peakMeter(workDir) {
  const gnuTime = findGnuTime();
  let preload;
  if (!gnuTime) {
    preload = path.join(workDir, 'peak-rss.cjs');
    fs.writeFileSync(preload, "process.on('exit', () => { const u = process.resourceUsage(); " +
      "require('node:fs').writeFileSync(process.env.POSTLINT_PEAK_FILE, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}`); });\n");
  }
  return {
    description: gnuTime
      ? `${gnuTime} -f '%M %U %S' (peak RSS, user and system time of the child)`
      : "Node's own process.resourceUsage(), written at exit",
    /** The command, arguments and environment that run `node nodeArgs…` measured into `peakFile`. */
    command(nodeArgs, peakFile) {
      fs.rmSync(peakFile, { force: true });
      return gnuTime
        ? [gnuTime, ['-f', '%M %U %S', '-o', peakFile, process.execPath, ...nodeArgs], process.env]
        : [process.execPath, ['--require', preload, ...nodeArgs], { ...process.env, POSTLINT_PEAK_FILE: peakFile }];
    },
    /** Peak RSS in KiB and CPU seconds, each undefined when the run wrote none (it was killed). */
    read(peakFile) {
      try {
        // "peak-KiB user-s system-s"; GNU time writes "Command exited with non-zero status 1" on a line
        // before it when the child exits with 1.
        const lines = fs.readFileSync(peakFile, 'utf8').trim().split('\n');
        const [kib, user, system] = lines[lines.length - 1].split(' ').map(Number);
        return {
          peakKiB: Number.isFinite(kib) ? kib : undefined,
          cpuSeconds: Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined,
        };
      } catch {
        return { peakKiB: undefined, cpuSeconds: undefined };
      }
    },
  };
}
