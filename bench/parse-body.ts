// Parse speed of parseBody over the corpus blog.
// Run: node --import tsx bench/parse-body.ts [rounds]

import { parseBody } from '../server/engine/markdown/index.js';
import { corpusBlogDir, loadCorpus } from '../test/markdown/corpus.js';

const posts = loadCorpus();
if (posts === undefined) {
  console.log(`corpus not found at ${corpusBlogDir()}`);
} else {
  const rounds = Number(process.argv[2] ?? 30);
  const chars = posts.reduce((n, p) => n + p.text.length - p.bodyStart, 0);
  const bytes = posts.reduce((n, p) => n + Buffer.byteLength(p.text.slice(p.bodyStart)), 0);
  // Warm up.
  for (let i = 0; i < 5; i++) for (const p of posts) parseBody(p.text, p.bodyStart);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const p of posts) parseBody(p.text, p.bodyStart);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  console.log(
    `${posts.length} posts, ${(bytes / 1e6).toFixed(3)} MB of body (${chars} chars): ` +
      `median ${median.toFixed(1)} ms/round, ${(bytes / 1e6 / (median / 1000)).toFixed(1)} MB/s ` +
      `(best ${(bytes / 1e6 / (times[0] / 1000)).toFixed(1)} MB/s)`,
  );
}
