import { styleText } from 'node:util';

export type Style = Parameters<typeof styleText>[0];
export type Paint = (style: Style, text: string) => string;

/**
 * Styles text when `color` is on. The CLI decides that itself (`--color`,
 * `--no-color`, a terminal, `NO_COLOR`), so styleText must not decide again from
 * stdout: since Node 20.18 it would drop the colours `--color` asked for in a pipe.
 */
export function painter(color: boolean): Paint {
  return color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
}
