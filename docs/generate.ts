import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText } from '../schemas/json-schema';
import { z } from '../schemas/zod';
import { configSchema } from '../server/engine/config/config';
import type { Rule } from '../server/engine/rule';
import { RULES } from '../server/engine/rules';
import { PRESETS } from '../schemas/presets';

// What `npm run docs` writes. Each fact about a rule has one home, its file in
// server/engine/rules/; the docs pages' headers, the README's rule table and the config
// file's JSON Schema are made from there and committed, so that readers and editors have
// them without a build. A test fails when a committed copy is stale.

export interface GeneratedFile {
  /** From the repository's root. */
  path: string;
  text: string;
}

const PAGE_START = (id: string) =>
  `<!-- Made by \`npm run docs\` from server/engine/rules/${id}.ts, down to the comment below: edit the rule, not this part. -->`;
const PAGE_END = '<!-- End of the part made by `npm run docs`; the rest of the page is written by hand. -->';
const TABLE_START = '<!-- The rule table is made by `npm run docs` from server/engine/rules/: edit the rules, not this table. -->';
const TABLE_END = '<!-- End of the rule table. -->';

const FIXES: Record<Exclude<Rule['meta']['fixable'], false>, string> = {
  safe: 'safe: `--fix` applies them',
  editor: 'in the editor only',
  'safe or editor': 'some safe (`--fix` applies them), some in the editor only',
};

/** Every generated file, its hand-written parts taken from the copy in `repo`. */
export function generatedFiles(repo: string): GeneratedFile[] {
  const read = (path: string) => readFileSync(join(repo, path), 'utf8');
  return [
    { path: 'schemas/postlintrc.schema.json', text: configJsonSchemaText(configSchema) },
    { path: 'README.md', text: between(read('README.md'), TABLE_START, TABLE_END, ruleTable(), 'README.md') },
    ...RULES.map((rule) => {
      const path = `docs/rules/${rule.meta.id}.md`;
      return { path, text: rulePage(rule, read(path), path) };
    }),
  ];
}

/** A rule's page: the generated header, then the hand-written rest of the existing page. */
function rulePage(rule: Rule, existing: string, path: string): string {
  const end = existing.indexOf(PAGE_END);
  if (end < 0) throw new Error(`${path}: no "${PAGE_END}" line; the hand-written text goes below it`);
  return `${ruleHeader(rule)}\n${existing.slice(end)}`;
}

function ruleHeader(rule: Rule): string {
  const { id, description, defaultSeverity, fixable } = rule.meta;
  const options = optionRows(rule.options);
  return [
    `# ${id}`,
    '',
    PAGE_START(id),
    '',
    description,
    '',
    `- Default severity: **${defaultSeverity}**${presetSeverities(id)}`,
    `- Fixes: ${fixable ? FIXES[fixable] : 'none'}`,
    ...(rule.meta.yieldsTo ? [`- Gives way to: ${rule.meta.yieldsTo.map((other) => `[\`${other}\`](${other}.md)`).join(', ')} (when one of them reports the same text)`] : []),
    options.length === 0 ? '- Options: none' : '- Options:',
    ...(options.length === 0 ? [] : ['', '  | option | type | default | what it does |', '  | --- | --- | --- | --- |', ...options.map((row) => `  ${row}`)]),
    '',
  ].join('\n');
}

/** The presets that give the rule another severity than its default, as ` (off in the `hugo` preset)`; empty when none does. */
function presetSeverities(id: string): string {
  const others = Object.values(PRESETS).flatMap((preset) => {
    const severity = preset.rules?.[id];
    return severity === undefined ? [] : [`${severity} in the \`${preset.name}\` preset`];
  });
  return others.length === 0 ? '' : ` (${others.join(', ')})`;
}

interface JsonSchemaField {
  type?: string;
  enum?: unknown[];
  items?: JsonSchemaField;
  default?: unknown;
  description?: string;
}

/** One table row per option, read from the JSON Schema zod makes of the options (what the config file accepts). */
function optionRows(options: z.ZodObject): string[] {
  const schema = z.toJSONSchema(options, { io: 'input' }) as { properties?: Record<string, JsonSchemaField> };
  return Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const fallback = field.default === undefined ? '—' : `\`${JSON.stringify(field.default)}\``;
    return `| \`${name}\` | ${typeName(field)} | ${fallback} | ${cell(field.description ?? '')} |`;
  });
}

function typeName(field: JsonSchemaField): string {
  if (field.enum) return field.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' or ');
  if (field.type === 'array') return `list of ${typeName(field.items ?? {})}s`;
  return field.type ?? 'any';
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function ruleTable(): string {
  const rows = RULES.map(({ meta }) => {
    const fixes = meta.fixable ? meta.fixable : '—';
    return `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.defaultSeverity}${presetSeverities(meta.id)} | ${fixes} | ${cell(meta.description)} |`;
  });
  return ['| rule | default | fixes | checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `text` with what lies between the two marker lines replaced by `content`. */
function between(text: string, start: string, end: string, content: string, path: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`${path}: the lines "${start}" and "${end}" must both be there`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
