import { posix } from 'node:path';
import { createLanguageService, type LanguageService, type LanguageServiceOptions } from '../../server/engine/language-service';
import type { Diagnostic, Workspace } from '../../server/engine/types';
import { assertMessageStyle } from './message-style';

/** A site held in a Map: tests describe it in a few lines and never touch the disk. A key ending in `/` is an empty folder. */
export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, string>();
  /** Every path read, in order: tests that check what a rule reads, or how often, look here. */
  readonly reads: string[] = [];

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  async readFile(path: string): Promise<string | undefined> {
    this.reads.push(path);
    return this.files.get(path);
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    if (this.files.has(path)) return 'file';
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return 'directory';
    return undefined;
  }

  async readDirectory(path: string): Promise<{ name: string; kind: 'file' | 'directory' }[]> {
    const prefix = path === '/' ? '/' : `${path}/`;
    const entries = new Map<string, 'file' | 'directory'>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      if (name === '') continue;
      entries.set(name, rest.length > 0 ? 'directory' : 'file');
    }
    return [...entries].map(([name, kind]) => ({ name, kind }));
  }
}

export const SITE = '/site';

/** A Hugo site with authors, in the given preset, plus the files given. */
export function hugoSite(files: Record<string, string> = {}, options: { baseURL?: string } = {}): MemoryWorkspace {
  return new MemoryWorkspace({
    [`${SITE}/hugo.yaml`]: `baseURL: ${options.baseURL ?? 'https://example.org/'}\n`,
    [`${SITE}/data/authors.yaml`]: 'alice:\n  name: Alice Martin\nbob:\n  name: Bob Stone\n',
    ...Object.fromEntries(Object.entries(files).map(([path, text]) => [posix.join(SITE, path), text])),
  });
}

export const FIXED_NOW = new Date('2026-03-04T10:00:00Z');

/**
 * The language service over a test workspace. Every diagnostic any test gets from it is held
 * to the message style (`assertMessageStyle`), so that each branch of each rule's wording is
 * checked where a test reaches it. `options` adds to the service's (verdicts of the dead-link check).
 */
export function serviceFor(workspace: Workspace, options: Omit<LanguageServiceOptions, 'workspace'> = {}): LanguageService {
  const service = createLanguageService({ workspace, now: () => FIXED_NOW, ...options });
  const check = service.check.bind(service);
  service.check = async (...args) => {
    const result = await check(...args);
    for (const diagnostic of result.diagnostics) assertMessageStyle(diagnostic);
    return result;
  };
  return service;
}

/** Checks one post of a memory site and returns its diagnostics. */
export async function checkPost(workspace: MemoryWorkspace, path: string, options: Omit<LanguageServiceOptions, 'workspace'> = {}): Promise<Diagnostic[]> {
  const full = posix.join(SITE, path);
  const text = workspace.files.get(full);
  if (text === undefined) throw new Error(`no file ${full} in the test site`);
  return (await serviceFor(workspace, options).check(full, text)).diagnostics;
}

/**
 * The text a diagnostic's range covers, to assert exact ranges readably. Lines end as
 * an editor ends them, at `\r\n`, `\n` or a lone `\r`, and keep their line break, so
 * that a range reaching past a line's text shows what it took.
 */
export function rangeText(text: string, diagnostic: Pick<Diagnostic, 'range'>): string {
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g) ?? [];
  const { start, end } = diagnostic.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('');
}

export function only(diagnostics: Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
}
