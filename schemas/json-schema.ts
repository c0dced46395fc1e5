import { z } from './zod';
import { configSchema } from './config';

/**
 * The JSON Schema of `.postlintrc.json`, made from the zod schema. Draft 7,
 * which VS Code's JSON support reads fully.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }),
    title: 'Postlint configuration (.postlintrc.json)',
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
