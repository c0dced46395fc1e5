import { resolvePosix } from '../node/paths';

/**
 * `--format NAME[:FILE]`, repeatable: each format goes to its file, and the one named
 * without a file (stylish when no --format is given) to stdout, or to `--output-file`.
 * The name ends at the first colon, so a Windows path (`sarif:C:\ci\out.sarif`) is a path.
 */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface Output {
  format: FormatName;
  /** Absolute; undefined for stdout. */
  file?: string;
}

/** The outputs the command line asks for, or why they cannot be (one line, for a usage error). */
export function parseOutputs(formats: string[], outputFile: string | undefined, cwd: string): Output[] | string {
  const outputs: Output[] = [];
  for (const value of formats.length === 0 ? ['stylish'] : formats) {
    const output = parseOne(value, cwd);
    if (typeof output === 'string') return output;
    outputs.push(output);
  }
  const toStdout = outputs.filter((output) => output.file === undefined);
  if (toStdout.length > 1) {
    return `only one --format can go to stdout, and ${toStdout.map((output) => output.format).join(' and ')} would: give the others a file, as in --format sarif:postlint.sarif`;
  }
  if (outputFile !== undefined) {
    if (toStdout.length === 0) return '--output-file is the file of the --format given without one, and every --format here names its own file';
    toStdout[0].file = resolvePosix(cwd, outputFile);
  }
  const files = outputs.flatMap((output) => (output.file === undefined ? [] : [output.file]));
  const twice = files.find((file, index) => files.indexOf(file) !== index);
  if (twice !== undefined) return `two formats would be written to ${twice}: give each its own file`;
  return outputs;
}

function parseOne(value: string, cwd: string): Output | string {
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  if (!(FORMATS as readonly string[]).includes(name)) return `unknown format "${name}": use ${FORMATS.join(', ')}, each optionally with :FILE`;
  if (colon < 0) return { format: name as FormatName };
  const file = value.slice(colon + 1);
  if (file === '') return `--format ${name}: names no file after the colon: write ${name}:FILE, or ${name} alone for stdout`;
  return { format: name as FormatName, file: resolvePosix(cwd, file) };
}
