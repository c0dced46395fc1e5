import { z } from './zod';
import type { configSchemaFor } from './config';

/**
 * The JSON Schema of `.postlintrc.json`, made from the zod schema. Draft 7,
 * which VS Code's JSON support reads fully.
 */
export function configJsonSchema(configSchema: ReturnType<typeof configSchemaFor>): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }),
    title: 'Postlint configuration (.postlintrc.json)',
  };
}

export function configJsonSchemaText(configSchema: ReturnType<typeof configSchemaFor>): string {
  return `${JSON.stringify(configJsonSchema(configSchema), null, 2)}\n`;
}
