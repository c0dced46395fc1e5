import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from './generate';

// `npm run docs`: writes what docs/generate.ts makes, leaving files already up to date untouched.
const repo = join(__dirname, '..');
for (const file of generatedFiles(repo)) {
  const path = join(repo, file.path);
  if (readFileSync(path, 'utf8') !== file.text) writeFileSync(path, file.text);
}
