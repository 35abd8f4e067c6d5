/** One problem found in a value (or a schema): where, as a JSON pointer ('' is the root), and what. */
export interface ArgsIssue {
  path: string;
  message: string;
}

/**
 * Bounds that keep validation cheap on hostile input (tool args come from planners, LLMs and remote plugins).
 * Exported so callers can quote them in docs and tests.
 */
export const ARGS_SCHEMA_LIMITS = {
  /** Nesting of schema/value levels walked before giving up with an issue. */
  maxDepth: 32,
  /** Strings longer than this are not matched against `pattern` (regex cost grows with input). */
  maxPatternInputLength: 10_000,
  /** After this many issues the walk stops; one more issue says so. */
  maxIssues: 100,
} as const;

/** RFC 6901 pointer to a child: `~` and `/` inside a key must be escaped or the path would be misread. */
export const childPointer = (path: string, key: string | number): string =>
  `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The pointer as people read it in a message: the root pointer is empty, which reads badly. */
export const displayPath = (path: string): string => (path === '' ? '(root)' : path);

/** Collects issues up to the cap, so a million bad array items cannot produce a million messages. */
export class IssueSink {
  readonly issues: ArgsIssue[] = [];
  private stopped = false;

  get full(): boolean {
    return this.stopped;
  }

  add(path: string, message: string): void {
    if (this.stopped) return;
    if (this.issues.length >= ARGS_SCHEMA_LIMITS.maxIssues) {
      this.stopped = true;
      this.issues.push({ path: '', message: `(root): stopped after ${ARGS_SCHEMA_LIMITS.maxIssues} issues` });
      return;
    }
    this.issues.push({ path, message: `${displayPath(path)}: ${message}` });
  }
}

/** The first `max` issues on one line, as refusals and denials quote them. */
export const describeIssues = (issues: readonly ArgsIssue[], max = 5): string =>
  issues
    .slice(0, max)
    .map((i) => `${i.path || '/'}: ${i.message}`)
    .join('; ');
