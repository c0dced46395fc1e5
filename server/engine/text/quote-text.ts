import { quoted } from './quote';

/**
 * Text from a post, a site or a config file, set in typographic quotes as `quoted` sets
 * it. A backtick in it is shown as ˋ (U+02CB, which looks the same): messages are plain
 * text, and a backtick in one would read as Markdown left unrendered.
 */
export function quotedText(value: string, max?: number): string {
  return quoted(value.replaceAll('`', '\u02cb'), max);
}
