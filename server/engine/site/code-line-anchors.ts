/**
 * The ids Hugo's highlighter (Chroma) gives the lines of a code block. With line numbers
 * on (`linenos`) and linked (`anchorlinenos`), each line number is published with an id:
 * `<lineanchors>-<n>`, n counting from `linenostart` (1 unless set). A fenced block
 * without `lineanchors` is `hl-<k>`, k its place among the page's fenced blocks from 0;
 * Hugo's `highlight` shortcode has no such default, and its lines are plain `1`, `2`, ….
 * The options come from the site's `markup.highlight`, then the fence's attribute block
 * (`{ linenos=true, anchorlinenos=true, lineanchors=setup }`) or the shortcode's second
 * parameter (`"linenos=table,anchorlinenos=true"`). Checked against Hugo 0.111
 * (markup/highlight/config.go, codeblocks/render.go) with a site built for the purpose.
 */
import type { Attribute, AttributeValue, BodyModel, Shortcode } from '../markdown';
import { isRecord, setting, weakBool } from './config-values';

/** What decides whether and how a block's lines get ids. */
interface LineOptions {
  lineNos: boolean;
  anchorLineNos: boolean;
  lineAnchors: string;
  lineNoStart: number;
}

/** The site's highlighting settings that decide the ids of code lines. */
export interface HighlightSettings {
  /** `codeFences`: fenced blocks are highlighted at all (on by default). */
  codeFences: boolean;
  /** `guessSyntax`: a block without a language is highlighted too. */
  guessSyntax: boolean;
  defaults: LineOptions;
}

/** An int as Go's weak decoding reads one: a number truncated, text in any base Go's ParseInt(s, 0) reads. */
function weakInt(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.test(value)) {
    const sign = value.startsWith('-') ? -1 : 1;
    const digits = value.replace(/^[+-]/, '');
    const octal = /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits;
    return sign * Number(octal);
  }
  return fallback;
}

function weakText(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return fallback;
}

/**
 * Options applied over `base`, keys in any case (Hugo lower-cases them). `linenos` is
 * normalised first, as Hugo does: text other than `false` (`table`, `inline`) turns it on.
 */
function applied(base: LineOptions, options: ReadonlyMap<string, unknown>): LineOptions {
  const result = { ...base };
  if (options.has('linenos')) {
    const value = options.get('linenos');
    result.lineNos = typeof value === 'string' ? value !== 'false' : weakBool(value, result.lineNos);
  }
  if (options.has('anchorlinenos')) result.anchorLineNos = weakBool(options.get('anchorlinenos'), result.anchorLineNos);
  if (options.has('lineanchors')) result.lineAnchors = weakText(options.get('lineanchors'), result.lineAnchors);
  if (options.has('linenostart')) result.lineNoStart = weakInt(options.get('linenostart'), result.lineNoStart);
  return result;
}

/** `key=value,key=value` as Hugo's parseHightlightOptions reads it: a part that is no single `key=value` spoils the whole. */
function optionString(text: string): Map<string, unknown> | undefined {
  const options = new Map<string, unknown>();
  const trimmed = text.replace(/^ +| +$/g, '');
  if (trimmed === '') return options;
  for (const part of trimmed.split(',')) {
    const keyValue = part.split('=');
    if (keyValue.length !== 2) return undefined;
    options.set(keyValue[0].replace(/^ +| +$/g, '').toLowerCase(), keyValue[1]);
  }
  return options;
}

/** The site's `markup.highlight` (and the older `pygmentsOptions`, which Hugo still reads). */
export function highlightSettings(config: unknown): HighlightSettings {
  const highlight = setting(setting(config, 'markup'), 'highlight');
  let defaults: LineOptions = { lineNos: false, anchorLineNos: false, lineAnchors: '', lineNoStart: 1 };
  const legacy = setting(config, 'pygmentsOptions');
  if (typeof legacy === 'string') defaults = applied(defaults, optionString(legacy) ?? new Map());
  if (isRecord(highlight)) {
    defaults = applied(defaults, new Map(Object.entries(highlight).map(([key, value]) => [key.toLowerCase(), value])));
  }
  return {
    codeFences: weakBool(setting(highlight, 'codeFences'), weakBool(setting(config, 'pygmentsCodeFences'), true)),
    guessSyntax: weakBool(setting(highlight, 'guessSyntax'), weakBool(setting(config, 'pygmentsCodefencesGuessSyntax'), false)),
    defaults,
  };
}

/** The ids of `lines` lines, or none when line numbers are off or not linked. */
function lineIds(options: LineOptions, lines: number, ids: string[]): void {
  if (!options.lineNos || !options.anchorLineNos) return;
  const prefix = options.lineAnchors === '' ? '' : `${options.lineAnchors}-`;
  for (let n = 0; n < lines; n++) ids.push(`${prefix}${options.lineNoStart + n}`);
}

function attributeOptions(attributes: readonly Attribute[]): Map<string, AttributeValue> {
  return new Map(attributes.map((attribute) => [attribute.name.toLowerCase(), attribute.value]));
}

/** `{{< highlight lang "options" >}}` … `{{< /highlight >}}`: its options and the number of lines it shows. */
function highlightShortcodes(text: string, shortcodes: readonly Shortcode[]): { options: string; lines: number }[] {
  const found: { options: string; lines: number }[] = [];
  for (let i = 0; i < shortcodes.length; i++) {
    const open = shortcodes[i];
    if (open.name !== 'highlight' || open.closing || open.selfClosing) continue;
    const close = shortcodes.slice(i + 1).find((shortcode) => shortcode.name === 'highlight' && shortcode.closing);
    if (!close) continue;
    const positional = open.params.filter((param) => param.name === undefined);
    // Hugo's template: the inner text with leading and trailing line breaks trimmed.
    const inner = text.slice(open.span.end, close.span.start).replace(/^[\r\n]+|[\r\n]+$/g, '');
    found.push({ options: positional.length === 2 ? positional[1].value : '', lines: inner === '' ? 0 : inner.split('\n').length });
  }
  return found;
}

/**
 * The ids Hugo publishes for a body's code blocks: their lines', and a fenced block's own `id`. A fenced block is
 * highlighted when it names a language (or `guessSyntax` is on); a language Chroma does
 * not know is published as plain text with no ids, which is not told apart here (its
 * line ids are counted, so a link to one is never reported wrongly).
 */
export function codeBlockIds(text: string, body: BodyModel, settings: HighlightSettings): string[] {
  const ids: string[] = [];
  if (settings.codeFences) {
    body.fences.forEach((fence, ordinal) => {
      if (fence.language === '' && !settings.guessSyntax) return;
      const options = applied(settings.defaults, attributeOptions(fence.attributes));
      if (options.lineAnchors === '') options.lineAnchors = `hl-${ordinal}`;
      lineIds(options, fence.lines, ids);
      // `{#setup}` or `{ id=setup }`: Hugo writes it on the block's wrapping <div>.
      const id = fence.attributes.find((attribute) => attribute.name === 'id')?.value;
      if (typeof id === 'string' && id !== '') ids.push(id);
    });
  }
  for (const shortcode of highlightShortcodes(text, body.shortcodes)) {
    const options = optionString(shortcode.options);
    if (options) lineIds(applied(settings.defaults, options), shortcode.lines, ids);
  }
  return ids;
}

const settingsOf = new WeakMap<object, HighlightSettings>();

/** {@link highlightSettings} of a site's config, read once per config. */
export function siteHighlightSettings(config: object): HighlightSettings {
  let settings = settingsOf.get(config);
  if (!settings) settingsOf.set(config, (settings = highlightSettings(config)));
  return settings;
}
