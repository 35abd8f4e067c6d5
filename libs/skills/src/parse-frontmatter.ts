import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { clip, describeType } from './describe-value.js';
import { stepFailure, type StepFailure } from './skill.types.js';

/** Frontmatter mapping with the 1-based file line of each top-level key, plus the markdown body. */
export interface Frontmatter {
  ok: true;
  data: Record<string, unknown>;
  keyLines: ReadonlyMap<string, number>;
  body: string;
}

const FENCE = /^---[ \t]*$/;
/** Real frontmatter needs a handful of aliases at most; the cap defeats "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 16;
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Splits `---` YAML frontmatter (first line of the text) from the markdown body and parses it with the YAML 1.2
 * core schema only: custom or non-core tags, collection keys, duplicate keys and alias bombs are refused.
 */
export function parseFrontmatter(text: string): Frontmatter | StepFailure {
  const lines = text.split(/\r?\n/);
  if (text.length === 0)
    return stepFailure('SKILL_FRONTMATTER_MISSING', 'file is empty; it must start with a --- frontmatter block', 1);
  if (!FENCE.test(lines[0] ?? '')) {
    return stepFailure(
      'SKILL_FRONTMATTER_MISSING',
      'file must start with a --- line that opens the YAML frontmatter',
      1,
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1)
    return stepFailure('SKILL_FRONTMATTER_MISSING', 'frontmatter opened on line 1 is never closed by a --- line', 1);
  // YAML line n is file line n + 1 (the opening fence is line 1).
  const parsed = parseYaml(lines.slice(1, close).join('\n'), 1);
  if (!parsed.ok) return parsed;
  const body = lines
    .slice(close + 1)
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  return { ok: true, data: parsed.data, keyLines: parsed.keyLines, body };
}

type ParsedYaml = { ok: true; data: Record<string, unknown>; keyLines: Map<string, number> } | StepFailure;

function parseYaml(source: string, lineOffset: number): ParsedYaml {
  const counter = new LineCounter();
  const lineOf = (offset: number | undefined): number | null =>
    offset === undefined ? null : counter.linePos(offset).line + lineOffset;
  const doc = parseDocument(source, {
    lineCounter: counter,
    schema: 'core',
    customTags: [],
    resolveKnownTags: false,
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: true,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) {
    const line = problem.linePos?.[0].line;
    return stepFailure(
      'SKILL_YAML_INVALID',
      `YAML ${yamlMessage(problem.message)} (${problem.code})`,
      line === undefined ? null : line + lineOffset,
    );
  }
  const unsafe = findUnsafeNode(doc);
  if (unsafe !== null) return stepFailure('SKILL_YAML_INVALID', unsafe.reason, lineOf(unsafe.node.range?.[0]));
  if (doc.contents === null)
    return stepFailure(
      'SKILL_FRONTMATTER_MISSING',
      'frontmatter is empty; it needs at least name and description',
      lineOffset,
    );
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return stepFailure(
      'SKILL_YAML_INVALID',
      `YAML ${clip(error instanceof Error ? error.message : String(error), 200)}`,
      lineOf(doc.contents.range?.[0]),
    );
  }
  if (!isMap(doc.contents) || typeof data !== 'object' || data === null || Array.isArray(data)) {
    return stepFailure(
      'SKILL_YAML_INVALID',
      `frontmatter must be a YAML mapping of keys, got ${describeType(data)}`,
      lineOf(doc.contents.range?.[0]),
    );
  }
  const keyLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const line = isScalar(pair.key) ? lineOf(pair.key.range?.[0]) : null;
    if (isScalar(pair.key) && line !== null) keyLines.set(String(pair.key.value), line);
  }
  return { ok: true, data: data as Record<string, unknown>, keyLines };
}

function findUnsafeNode(doc: Document): { node: Node; reason: string } | null {
  let found: { node: Node; reason: string } | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isCollection(pair.key)) {
        found = { node: pair.key, reason: 'YAML mapping keys must be plain scalars, not lists or mappings' };
        return visit.BREAK;
      }
      return undefined;
    },
    Node(_, node) {
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        found = { node, reason: `YAML tag ${node.tag} is not allowed; only plain YAML 1.2 core values are accepted` };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** First line of a yaml error without its "at line X, column Y:" suffix (the line is reported separately). */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return clip(first.replace(/ at line \d+, column \d+:?$/, '').trim(), 200);
}
