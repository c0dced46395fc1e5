import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../../schemas/fields';
import { TEMPLATE_KINDS, type TemplateKind } from '../engine/templates/new-post';
import { nodeLanguageService } from '../node/language-service';
import { NodeWorkspace } from '../node/node-workspace';
import { escapeText } from './formatters/escape';
import { resolvePosix } from '../node/paths';


/** A problem with what was asked: one line on stderr, exit 2. */
class NewPostError extends Error {}

const REQUIRED: Record<TemplateKind, 'org' | 'event'> = { 'member-welcome': 'org', 'event-recap': 'event' };

function parseNewArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      org: { type: 'string' },
      event: { type: 'string' },
      date: { type: 'string' },
      author: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const kind = positionals[0] as TemplateKind;
  if (positionals.length !== 1 || !TEMPLATE_KINDS.includes(kind)) throw new NewPostError(`new takes one kind: ${TEMPLATE_KINDS.join(' or ')}`);
  if (!values.title?.trim()) throw new NewPostError(`new ${kind} needs --title`);
  const required = REQUIRED[kind];
  if (!values[required]?.trim()) throw new NewPostError(`new ${kind} needs --${required}`);
  if (values.date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(values.date) && isCalendarDate(values.date))) {
    throw new NewPostError(`--date takes a real date as YYYY-MM-DD, not "${values.date}"`);
  }
  return { kind, ...values, title: values.title.trim() };
}

/**
 * Postlint writes only inside the site: neither `--out ../x.md` nor a site whose blog
 * folder is a symlink leads it elsewhere. With no site around, the working folder
 * stands for one. The file does not exist yet: the nearest of its folders that does is
 * what must really be inside.
 */
function refuseOutside(path: string, siteRoot: string | undefined, cwd: string): void {
  const root = siteRoot ?? cwd;
  if (new NodeWorkspace().within(root).writesInside(path)) return;
  const where = siteRoot ? `the site ${siteRoot}` : `the working folder ${cwd}`;
  throw new NewPostError(`${path}: not written: it is outside ${where} (directly or through a symlink), and Postlint writes only inside it: choose a path inside it with --out`);
}

/**
 * `postlint new <kind>`: writes a post from the kind's template and prints its
 * absolute path. Never overwrites: the file is created with the `wx` flag.
 */
export async function newPost(args: string[], cwd: string): Promise<number> {
  try {
    const options = parseNewArgs(args);
    const service = nodeLanguageService();
    const folder = resolvePosix(cwd, options.out ? dirname(options.out) : '.');
    const { site, plan } = await service.planNewPost(folder, {
      kind: options.kind,
      title: options.title,
      org: options.org,
      event: options.event,
      date: options.date,
      author: options.author,
    });
    if (site.loose && !options.out) throw new NewPostError('no Hugo site found here or above: run it inside a site, or name the file with --out');
    const path = options.out ? resolve(cwd, options.out) : plan.path;
    // With --out outside any site, the site it must stay in is the one around the working folder.
    const home = site.loose ? await service.siteOfFolder(resolvePosix(cwd)) : site;
    refuseOutside(path, home.loose ? undefined : home.root, cwd);
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, plan.text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new NewPostError(`${path} exists: Postlint never overwrites a post`);
      throw error;
    }
    process.stdout.write(`${escapeText(path)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NewPostError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`postlint: ${escapeText((error as Error).message)}\n`);
      return 2;
    }
    throw error;
  }
}
