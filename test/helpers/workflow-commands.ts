/**
 * GitHub Actions workflow commands as the runner reads them from a step's output, for
 * the tests of `--format github` and of the composite action. The runner's own rules,
 * as GitHub documents them: a command is a line starting with `::`, its name and
 * properties end at the next `::`, and %25, %0D, %0A (and %3A, %2C in properties)
 * stand for `%`, CR, LF (and `:`, `,`).
 */

/** A workflow command as the GitHub runner reads one line: `::name key=value,…::data`, unescaped. */
export interface Command {
  name: string;
  properties: Record<string, string>;
  data: string;
}

/** The runner's reading: the command and its properties end at the first `::` after the opening one. */
export function parseCommand(line: string): Command | undefined {
  if (!line.startsWith('::')) return undefined;
  const end = line.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = line.slice(2, end);
  const space = head.indexOf(' ');
  const name = space < 0 ? head : head.slice(0, space);
  const properties: Record<string, string> = {};
  for (const pair of space < 0 ? [] : head.slice(space + 1).split(',')) {
    const equals = pair.indexOf('=');
    if (equals > 0) properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1), true);
  }
  return { name, properties, data: unescape(line.slice(end + 2), false) };
}

function unescape(text: string, property: boolean): string {
  const pairs: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ...(property ? ([['%3A', ':'], ['%2C', ',']] as [string, string][]) : []), ['%25', '%']];
  return pairs.reduce((value, [escaped, plain]) => value.split(escaped).join(plain), text);
}

/** The commands among a step's output lines; other lines are log text. */
export function commandsIn(output: string): Command[] {
  return output.split('\n').flatMap((line) => parseCommand(line) ?? []);
}
