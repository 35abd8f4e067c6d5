import { writeJson, writeSection } from './benchmarks-md.js';

/**
 * `full`: the figures BENCHMARKS.md publishes. `tiny`: the same code paths at a size `npm test` can afford, so a
 * behaviour change that breaks a bench fails the build; its figures mean nothing and are never written.
 */
export type BenchSize = 'full' | 'tiny';

export interface BenchOptions {
  size: BenchSize;
  /** Repository root whose bench/results/ and BENCHMARKS.md receive the results; omitted: nothing is written. */
  writeTo?: string;
  /** Receives the report (markdown section, skip notices); console.log by default. */
  print?: (text: string) => void;
}

/** One bench's output: raw results as bench/results/<json>.json and a markdown section named <section>. */
export interface BenchReport {
  json: string;
  data: unknown;
  section: string;
  markdown: string;
}

const printer = (options: BenchOptions): ((text: string) => void) => options.print ?? console.log;

/** Prints the report and, when the run was asked to, writes its raw results and its BENCHMARKS.md section. */
export function publish(options: BenchOptions, report: BenchReport): void {
  printer(options)(report.markdown);
  if (options.writeTo === undefined) return;
  writeJson(options.writeTo, report.json, report.data);
  writeSection(options.writeTo, report.section, report.markdown);
}

/** Progress of a long run on stderr, apart from the report; a tiny run (inside jest) stays quiet. */
export function progress(options: BenchOptions, text: string): void {
  if (options.size === 'full') process.stderr.write(text);
}
