/** One problem in one protocol file; `line`/`column` are 1-based and point at the offending node. */
export interface ProtocolFileProblem {
  /** File name relative to the protocols directory. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Keys and list indexes from a file's root value down to a node, e.g. `['rules', 2, 'max']`. */
export type ValuePath = readonly (string | number)[];

/** A problem found by the pure validators, located by path; the loader turns the path into a line. */
export interface PathProblem {
  path: ValuePath;
  message: string;
  /** Point at the key itself (an unknown key) rather than at its value. */
  atKey: boolean;
}

/**
 * Collects problems instead of stopping at the first one, so one run reports everything wrong in every file.
 * `within` gives a view that prefixes messages with context (`rule 'burst': …`) and shares the same list.
 */
export class ProblemSink {
  constructor(
    readonly problems: PathProblem[] = [],
    private readonly prefix = '',
  ) {}

  /** Returns undefined so a reader can `return sink.add(…)` for "no value". */
  add(path: ValuePath, message: string, atKey = false): undefined {
    this.problems.push({ path, message: `${this.prefix}${message}`, atKey });
    return undefined;
  }

  within(context: string): ProblemSink {
    return new ProblemSink(this.problems, `${this.prefix}${context}: `);
  }

  get count(): number {
    return this.problems.length;
  }
}
