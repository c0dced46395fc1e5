// Prints the mutation score of each folder from Stryker's JSON report, as docs/testing.md
// records them: node test/mutation/scores.mjs [reports/mutation/mutation.json]
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), Stryker's
// "total" score; compile and runtime errors are counted apart, as Stryker counts them.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
const folders = new Map();
const count = (key) => folders.get(key) ?? folders.set(key, { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, errors: 0 }).get(key);

for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const mutant of mutants) {
    for (const key of [dirname(file), 'all']) {
      const tally = count(key);
      if (mutant.status in tally) tally[mutant.status]++;
      else tally.errors++;
    }
  }
}

const score = ({ Killed, Timeout, Survived, NoCoverage }) => ((100 * (Killed + Timeout)) / (Killed + Timeout + Survived + NoCoverage || 1)).toFixed(1);
console.log('| folder | mutants | killed | timed out | survived | no coverage | errors | score |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [folder, tally] of [...folders].sort(([a], [b]) => (a === 'all') - (b === 'all') || a.localeCompare(b))) {
  const total = tally.Killed + tally.Timeout + tally.Survived + tally.NoCoverage + tally.errors;
  console.log(`| ${folder === 'all' ? '**all**' : `\`${folder}/\``} | ${total} | ${tally.Killed} | ${tally.Timeout} | ${tally.Survived} | ${tally.NoCoverage} | ${tally.errors} | ${score(tally)}% |`);
}
