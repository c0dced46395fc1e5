import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_KINDS, type TemplateKind } from '../engine/templates/new-post';

/**
 * The built-in templates, read from `schemas/templates/`: beside the bundle's
 * folder when running from `dist/` (the CLI, the extension), or two folders up
 * when running from the sources (tests).
 */
export function loadBuiltinTemplates(): Partial<Record<TemplateKind, string>> {
  const folder = [join(__dirname, '..', 'schemas', 'templates'), join(__dirname, '..', '..', 'schemas', 'templates')].find((candidate) =>
    existsSync(candidate),
  );
  const templates: Partial<Record<TemplateKind, string>> = {};
  if (!folder) return templates;
  for (const kind of TEMPLATE_KINDS) {
    const file = join(folder, `${kind}.md`);
    if (existsSync(file)) templates[kind] = readFileSync(file, 'utf8');
  }
  return templates;
}
