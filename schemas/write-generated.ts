import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText } from './json-schema';

// `npm run docs`: writes the files generated from the schemas, which are committed so
// that editors and readers have them without a build. A test fails when one is stale.
// The config file's JSON Schema is made from the zod schema, never edited by hand.
writeFileSync(join(__dirname, 'postlintrc.schema.json'), configJsonSchemaText());
