// Prints the mutation score of each folder (with --files, of each file) from Stryker's JSON
// report, as docs/testing.md records them:
//   node test/mutation/scores.mjs [--files] [reports/mutation/mutation.json]
// Score = (killed + timed out) / (killed + timed out + survived + no coverage): Stryker's
// score, which leaves out the mutants marked equivalent in the source (`Stryker disable`,
// "ignored") and compile and runtime errors. "Raw" counts the marked ones as survivors too.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const args = process.argv.slice(2);
const byFile = args.includes('--files');
const report = JSON.parse(readFileSync(args.find((arg) => !arg.startsWith('--')) ?? 'reports/mutation/mutation.json', 'utf8'));
const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored'];
const groups = new Map();
const tallyOf = (key) => groups.get(key) ?? groups.set(key, Object.fromEntries([...STATUSES, 'errors'].map((status) => [status, 0]))).get(key);

for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const mutant of mutants) {
    for (const key of [byFile ? file : dirname(file), 'all']) {
      const tally = tallyOf(key);
      if (STATUSES.includes(mutant.status)) tally[mutant.status]++;
      else tally.errors++;
    }
  }
}

const percent = (part, whole) => `${((100 * part) / (whole || 1)).toFixed(1)}%`;
console.log('| ' + (byFile ? 'file' : 'folder') + ' | mutants | killed | timed out | survived | no coverage | equivalent (marked) | errors | score | raw |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [key, t] of [...groups].sort(([a], [b]) => (a === 'all') - (b === 'all') || a.localeCompare(b))) {
  const total = STATUSES.reduce((sum, status) => sum + t[status], t.errors);
  const detected = t.Killed + t.Timeout;
  const scored = detected + t.Survived + t.NoCoverage;
  const name = key === 'all' ? '**all**' : `\`${key}${byFile ? '' : '/'}\``;
  console.log(`| ${name} | ${total} | ${t.Killed} | ${t.Timeout} | ${t.Survived} | ${t.NoCoverage} | ${t.Ignored} | ${t.errors} | ${percent(detected, scored)} | ${percent(detected, scored + t.Ignored)} |`);
}
