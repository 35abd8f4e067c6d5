import { errorMessage, isPlainObject, type JsonObject } from '#kernel';
import { checkSchema } from '../../args-schema/index.js';
// The file, not the barrel: only the lexical normaliser is needed, not the fs-touching guards.
import { normalizeRelativePath } from '../../path-guard/index.js';
import type { RuleKind, RuleScope, RuleSpec } from '../protocol.types.js';
import { formatDuration, MAX_DURATION_MS, parseDuration } from '#kernel';
import { findNonJson } from './json-value.js';
import type { ProblemSink, ValuePath } from './protocol-file-problem.js';
import {
  compact,
  describeValue,
  preview,
  readInteger,
  readNameList,
  readString,
  type Mapping,
} from './value-checks.js';

/** What every rule has; `kind` is listed so it comes right after `id` in the built object. */
export interface RuleBase {
  id: string;
  kind: RuleKind;
  description?: string;
  when?: RuleScope;
}

/** The keys one kind adds to the common ones, and how to read them. `build` may return placeholders when it reported a problem. */
interface KindFields {
  fields: readonly string[];
  build(rule: Mapping, path: ValuePath, sink: ProblemSink, base: RuleBase): RuleSpec;
}

const names = { required: true, wildcard: true } as const;
const optionalNames = { required: false, wildcard: true } as const;
const argNames = { required: false, wildcard: false } as const;

export const KIND_FIELDS: Record<RuleKind, KindFields> = {
  'plugin-registered': { fields: [], build: (_r, _p, _s, base) => ({ ...base, kind: 'plugin-registered' }) },
  'tool-exists': { fields: [], build: (_r, _p, _s, base) => ({ ...base, kind: 'tool-exists' }) },
  'args-schema': {
    fields: ['schema'],
    build: (r, p, s, base) => compact({ ...base, kind: 'args-schema', schema: readArgsSchema(r, p, s) }),
  },
  'tool-allow': {
    fields: ['tools', 'reason'],
    build: (r, p, s, base) =>
      compact({
        ...base,
        kind: 'tool-allow',
        tools: readNameList(r, 'tools', p, s, names) ?? [],
        reason: readString(r, 'reason', p, s, false),
      }),
  },
  'tool-deny': {
    fields: ['tools', 'reason'],
    build: (r, p, s, base) =>
      compact({
        ...base,
        kind: 'tool-deny',
        tools: readNameList(r, 'tools', p, s, names) ?? [],
        reason: readString(r, 'reason', p, s, false),
      }),
  },
  // Argument names are compared exactly by the path rules, so a `*` there would silently match nothing.
  'path-containment': {
    fields: ['args'],
    build: (r, p, s, base) =>
      compact({ ...base, kind: 'path-containment', args: readNameList(r, 'args', p, s, argNames) }),
  },
  'module-layout': {
    fields: ['args'],
    build: (r, p, s, base) =>
      compact({ ...base, kind: 'module-layout', args: readNameList(r, 'args', p, s, argNames) }),
  },
  'destructive-guard': {
    fields: ['tools', 'protectedPaths'],
    build: (r, p, s, base) =>
      compact({
        ...base,
        kind: 'destructive-guard',
        tools: readNameList(r, 'tools', p, s, optionalNames),
        protectedPaths: readProtectedPaths(r, p, s),
      }),
  },
  'max-steps': {
    fields: ['max'],
    build: (r, p, s, base) => ({ ...base, kind: 'max-steps', max: readInteger(r, 'max', p, s, 1, 10_000) ?? 0 }),
  },
  'token-budget': {
    fields: ['max'],
    build: (r, p, s, base) => ({ ...base, kind: 'token-budget', max: readInteger(r, 'max', p, s, 1, 10_000_000) ?? 0 }),
  },
  'rate-limit': {
    fields: ['max', 'window', 'windowMs', 'cooldown', 'cooldownMs'],
    build: (r, p, s, base) =>
      compact({
        ...base,
        kind: 'rate-limit',
        max: readInteger(r, 'max', p, s, 1, 1000) ?? 0,
        windowMs: readDurationMs(r, 'window', p, s, true) ?? 0,
        cooldownMs: readDurationMs(r, 'cooldown', p, s, false),
      }),
  },
  'requires-approval': {
    fields: ['reason'],
    build: (r, p, s, base) =>
      compact({ ...base, kind: 'requires-approval', reason: readString(r, 'reason', p, s, false) }),
  },
};

/** `schema` must be a JSON Schema the args validator understands; its own issues are reported at their node. */
function readArgsSchema(rule: Mapping, path: ValuePath, sink: ProblemSink): JsonObject | undefined {
  if (!Object.hasOwn(rule, 'schema')) return undefined;
  const at = [...path, 'schema'];
  const schema = rule.schema;
  if (!isPlainObject(schema))
    return sink.add(at, `'schema' must be a mapping (a JSON Schema), got ${describeValue(schema)}`);
  const nonJson = findNonJson(schema);
  if (nonJson !== undefined)
    return sink.add([...at, ...nonJson.path], `'schema' must hold plain JSON: ${nonJson.reason}`);
  for (const issue of checkSchema(schema))
    sink.add([...at, ...pointerSegments(issue.path)], `invalid args schema: ${issue.message}`);
  // A copy: through a YAML alias two rules would otherwise share (and could mutate) one object.
  return structuredClone(schema) as JsonObject;
}

/** RFC 6901 pointer to path segments (`/properties/a~1b` -> `['properties', 'a/b']`). */
export const pointerSegments = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The guard compares normalised relative paths, so `./secrets/` would protect nothing: insist on `secrets`. */
function readProtectedPaths(rule: Mapping, path: ValuePath, sink: ProblemSink): string[] | undefined {
  const list = readNameList(rule, 'protectedPaths', path, sink, { required: false, wildcard: false });
  if (list === undefined) return undefined;
  const before = sink.count;
  list.forEach((p, i) => {
    let normalized: string;
    try {
      normalized = normalizeRelativePath(p);
    } catch (e) {
      return sink.add(
        [...path, 'protectedPaths', i],
        `protected path ${preview(p)} is not a workspace-relative path (${errorMessage(e)})`,
      );
    }
    if (normalized === '')
      sink.add([...path, 'protectedPaths', i], `protected path ${preview(p)} is the workspace root`);
    else if (normalized !== p)
      sink.add([...path, 'protectedPaths', i], `write protected path ${preview(p)} as ${preview(normalized)}`);
  });
  return sink.count === before ? list : undefined;
}

/**
 * `window: 30s` or `windowMs: 30000` (exactly one when required, at most one otherwise), bounded to 30 days.
 * A window must be at least 1 ms; a cooldown may be 0 (none).
 */
function readDurationMs(
  rule: Mapping,
  key: 'window' | 'cooldown',
  path: ValuePath,
  sink: ProblemSink,
  required: boolean,
): number | undefined {
  const msKey = `${key}Ms`;
  const hasText = Object.hasOwn(rule, key);
  const hasMs = Object.hasOwn(rule, msKey);
  if (hasText && hasMs) return sink.add([...path, msKey], `give either '${key}' or '${msKey}', not both`, true);
  if (!hasText && !hasMs) {
    if (required) sink.add(path, `missing required key '${key}' (or '${msKey}')`);
    return undefined;
  }
  const name = hasText ? key : msKey;
  const raw = rule[name];
  if (hasMs && typeof raw !== 'number') {
    return sink.add(
      [...path, name],
      `'${msKey}' must be a number of milliseconds, got ${describeValue(raw)}; use '${key}' for values like 30s`,
    );
  }
  const parsed = parseDuration(raw);
  if (!parsed.ok) return sink.add([...path, name], `'${name}': ${parsed.reason}`);
  const min = key === 'window' ? 1 : 0;
  if (parsed.ms >= min && parsed.ms <= MAX_DURATION_MS) return parsed.ms;
  return sink.add(
    [...path, name],
    `'${name}' must be from ${min}ms to ${formatDuration(MAX_DURATION_MS)}, got ${formatDuration(parsed.ms)}`,
  );
}
