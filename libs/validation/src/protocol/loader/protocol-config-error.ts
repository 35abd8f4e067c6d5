import { ConfigError } from '#kernel';
import type { ProtocolFileProblem } from './protocol-file-problem.js';

/** Enough to fix a file in one go; a generated 1 MiB file of mistakes would otherwise yield a megabyte of messages. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** `protocols/<file>:<line>:<col>: <message>`, one line per problem (messages never contain a newline). */
export const formatProblem = (p: ProtocolFileProblem): string =>
  `protocols/${p.file}:${p.line}:${p.column}: ${p.message.replace(/\s*\n\s*/g, ' ')}`;

/** One error for every problem in every file, sorted by file and position; `details.problems` holds them as data. */
export function protocolConfigError(dir: string, problems: readonly ProtocolFileProblem[]): ConfigError {
  const distinct = unique(problems).sort(byPosition);
  const files = new Set(distinct.map((p) => p.file)).size;
  const header = `${plural(distinct.length, 'problem')} in ${plural(files, 'protocol file')} under ${dir}; no protocol was loaded:`;
  const listed = capPerFile(distinct);
  return new ConfigError([header, ...listed.map(formatProblem)].join('\n'), { dir, problems: listed });
}

/** The YAML parser can report the same error at the same spot many times (one per unclosed bracket). */
function unique(problems: readonly ProtocolFileProblem[]): ProtocolFileProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.file, p.line, p.column, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function byPosition(a: ProtocolFileProblem, b: ProtocolFileProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

function capPerFile(sorted: ProtocolFileProblem[]): ProtocolFileProblem[] {
  const kept: ProtocolFileProblem[] = [];
  const counts = new Map<string, number>();
  for (const p of sorted) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const p of sorted) {
    const n = (seen.get(p.file) ?? 0) + 1;
    seen.set(p.file, n);
    if (n <= MAX_PROBLEMS_PER_FILE) kept.push(p);
    else if (n === MAX_PROBLEMS_PER_FILE + 1) {
      const more = (counts.get(p.file) ?? n) - MAX_PROBLEMS_PER_FILE;
      kept.push({ ...p, message: `... and ${plural(more, 'more problem')} in this file` });
    }
  }
  return kept;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
