import type { FixPreview } from './diff';
import { escapeText } from './formatters/escape';
import { githubWriter } from './formatters/github';
import { jsonWriter } from './formatters/json';
import { junitWriter } from './formatters/junit';
import { sarifWriter } from './formatters/sarif';
import { stylishWriter } from './formatters/stylish';
import { formatSummary, type WrittenReport } from './formatters/summary';
import { Tally } from './formatters/tally';
import type { ReportWriter, RunEnd } from './formatters/writer';
import type { FormatName, Output } from './outputs';
import { ReportFile } from './report-file';
import { TextBatch } from './batch';
import { errorsOnly, type FileReport } from './report';

export interface ReportStreamOptions {
  cwd: string;
  /** The folder `github` and `sarif` paths are relative to: GitHub's workspace in Actions, else `cwd`. */
  root: string;
  /** Colours for stdout; a file never gets them. */
  color: boolean;
  version: string;
  /** `--quiet`: errors only, in every report. */
  quiet: boolean;
  /** `--fix-dry-run`: stylish starts with what the fixes would change. */
  previews: boolean;
  /** Given a copy of what goes to stdout (the record of the run, cache/last-run.ts). */
  tee?: (bytes: Buffer) => void;
}

interface Destination {
  output: Output;
  writer: ReportWriter;
  /** Undefined for stdout. */
  file?: ReportFile;
  /** Where its text goes, in batches of about 256 KB: the file, or stdout. */
  out: TextBatch;
}

/**
 * Every report the command line asks for, written as the posts' reports come: each
 * to stdout or to its file. When every report goes to a file, the terminal gets a
 * summary at the end instead, so that a CI log still says how the run went.
 */
/** Report text is written this many bytes at a time, at most (`TextBatch`). */
const TEXT_BATCH_BYTES = 256 * 1024;

export class ReportStream {
  readonly tally = new Tally();
  private readonly destinations: Destination[];

  constructor(
    outputs: Output[],
    private readonly options: ReportStreamOptions,
  ) {
    this.destinations = outputs.map((output) => {
      const file = output.file === undefined ? undefined : new ReportFile(output.file);
      const sink = file ? (bytes: Buffer) => file.write(bytes) : (bytes: Buffer) => toStdout(bytes, options.tee);
      const out = new TextBatch(sink, TEXT_BATCH_BYTES);
      return { output, writer: writerFor(output.format, { ...options, color: output.file === undefined && options.color }), file, out };
    });
    for (const destination of this.destinations) write(destination, destination.writer.start());
  }

  file(report: FileReport, preview?: FixPreview): void {
    const shown = this.options.quiet ? errorsOnly(report) : report;
    this.tally.add(shown);
    for (const destination of this.destinations) write(destination, destination.writer.file(shown, preview));
  }

  /**
   * Closes every report and puts each file in place; says on stderr which could not
   * be written. Whether all were (a report that could not be is exit 2).
   */
  end(failures: string[], notes: string[]): boolean {
    const run: RunEnd = { tally: this.tally, failures, notes };
    const written: WrittenReport[] = [];
    let complete = true;
    for (const destination of this.destinations) {
      write(destination, destination.writer.end(run));
      destination.out.flush();
      const { file, output } = destination;
      const problem = file?.finish();
      if (file && problem === undefined) written.push({ format: output.format, file: file.file });
      if (problem !== undefined) process.stderr.write(`postlint: ${escapeText(`${file!.file}: the ${output.format} report could not be written (${problem})`)}\n`);
      complete &&= problem === undefined;
    }
    if (this.destinations.every((destination) => destination.file)) process.stdout.write(formatSummary(run, { ...this.options, written }));
    return complete;
  }

  /** After a crash: what stdout was given is written; the files are left as they were. */
  abort(): void {
    for (const destination of this.destinations) {
      if (destination.file) {
        destination.out.drop();
        destination.file.discard();
      } else destination.out.flush();
    }
  }
}

function toStdout(bytes: Buffer, tee: ((bytes: Buffer) => void) | undefined): void {
  process.stdout.write(bytes);
  tee?.(bytes);
}

function writerFor(format: FormatName, options: ReportStreamOptions): ReportWriter {
  switch (format) {
    case 'json':
      return jsonWriter();
    case 'sarif':
      return sarifWriter(options);
    case 'github':
      return githubWriter(options);
    case 'junit':
      return junitWriter(options);
    case 'stylish':
      return stylishWriter(options);
  }
}

function write(destination: Destination, text: string): void {
  if (text !== '') destination.out.add(text);
}
