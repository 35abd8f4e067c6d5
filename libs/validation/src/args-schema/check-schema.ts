import { isPlainObject } from '#kernel';
import { ARGS_SCHEMA_LIMITS, IssueSink, childPointer, type ArgsIssue } from './args-issue.js';
import { describeType, isJsonKind, preview } from './json-kind.js';
import { compilePattern } from './pattern-cache.js';

/** Type names the validator understands; anything else in `type` is a typo that would reject every value. */
export const ARGS_SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

type KeywordCheck = (value: unknown, path: string, depth: number, sink: IssueSink) => void;

/**
 * Checks a tool's argument schema before a plugin is registered, so a bad schema is refused up front instead of
 * rejecting (or, worse, waving through) every call later. Keywords outside the supported subset are ignored
 * (`description`, `title`, `default`, ...); supported keywords must have values of the right kind.
 */
export function checkSchema(schema: unknown): ArgsIssue[] {
  const sink = new IssueSink();
  if (!isPlainObject(schema)) sink.add('', `schema must be an object, got ${describeType(schema)}`);
  else checkNode(schema, '', 0, sink);
  return sink.issues;
}

function checkNode(node: unknown, path: string, depth: number, sink: IssueSink): void {
  if (sink.full) return;
  if (depth > ARGS_SCHEMA_LIMITS.maxDepth)
    return sink.add(path, `schema nests deeper than ${ARGS_SCHEMA_LIMITS.maxDepth} levels`);
  if (typeof node === 'boolean') return;
  if (!isPlainObject(node)) return sink.add(path, `schema must be an object or boolean, got ${describeType(node)}`);
  for (const [keyword, check] of Object.entries(KEYWORDS)) {
    if (Object.hasOwn(node, keyword) && node[keyword] !== undefined)
      check(node[keyword], childPointer(path, keyword), depth, sink);
  }
  for (const [min, max] of [
    ['minLength', 'maxLength'],
    ['minItems', 'maxItems'],
    ['minimum', 'maximum'],
  ] as const) {
    const lo = node[min];
    const hi = node[max];
    if (typeof lo === 'number' && typeof hi === 'number' && lo > hi)
      sink.add(path, `${min} ${lo} exceeds ${max} ${hi}; no value can match`);
  }
}

const nonNegativeInteger: KeywordCheck = (v, path, _d, sink) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    sink.add(path, `must be a non-negative integer, got ${describeType(v)}`);
};

const finiteNumber: KeywordCheck = (v, path, _d, sink) => {
  if (describeType(v) !== 'number') sink.add(path, `must be a number, got ${describeType(v)}`);
};

const subschema: KeywordCheck = (v, path, depth, sink) => checkNode(v, path, depth + 1, sink);

const schemaList: KeywordCheck = (v, path, depth, sink) => {
  if (!Array.isArray(v) || v.length === 0)
    return sink.add(path, `must be a non-empty array of schemas, got ${describeType(v)}`);
  v.forEach((s, i) => checkNode(s, childPointer(path, i), depth + 1, sink));
};

/** `enum`/`const` values are compared as JSON; something JSON cannot hold could never be matched. */
function checkJsonValue(v: unknown, path: string, depth: number, sink: IssueSink): void {
  if (depth > ARGS_SCHEMA_LIMITS.maxDepth)
    return sink.add(path, `value nests deeper than ${ARGS_SCHEMA_LIMITS.maxDepth} levels`);
  const kind = describeType(v);
  if (!isJsonKind(kind)) return sink.add(path, `must be a JSON value, got ${kind}`);
  if (Array.isArray(v)) v.forEach((x, i) => checkJsonValue(x, childPointer(path, i), depth + 1, sink));
  else if (isPlainObject(v))
    for (const [k, x] of Object.entries(v)) checkJsonValue(x, childPointer(path, k), depth + 1, sink);
}

function checkTypeName(v: unknown, path: string, sink: IssueSink): void {
  if (typeof v !== 'string') sink.add(path, `type name must be a string, got ${describeType(v)}`);
  else if (!(ARGS_SCHEMA_TYPES as readonly string[]).includes(v))
    sink.add(path, `unknown type '${v}' (expected one of ${ARGS_SCHEMA_TYPES.join(', ')})`);
}

const KEYWORDS: Record<string, KeywordCheck> = {
  type: (v, path, _d, sink) => {
    if (!Array.isArray(v)) return checkTypeName(v, path, sink);
    if (v.length === 0) return sink.add(path, 'must name at least one type');
    v.forEach((t, i) => checkTypeName(t, childPointer(path, i), sink));
    if (new Set(v).size !== v.length) sink.add(path, 'must not repeat a type');
  },
  properties: (v, path, depth, sink) => {
    if (!isPlainObject(v)) return sink.add(path, `must be an object of schemas, got ${describeType(v)}`);
    for (const [name, s] of Object.entries(v)) checkNode(s, childPointer(path, name), depth + 1, sink);
  },
  required: (v, path, _d, sink) => {
    if (!Array.isArray(v)) return sink.add(path, `must be an array of property names, got ${describeType(v)}`);
    v.forEach((name, i) => {
      if (typeof name !== 'string')
        sink.add(childPointer(path, i), `must be a property name, got ${describeType(name)}`);
    });
  },
  additionalProperties: subschema,
  items: (v, path, depth, sink) => {
    // Tuple form would be silently ignored by the validator, letting any item through: refuse it instead.
    if (Array.isArray(v)) return sink.add(path, 'tuple form (array of schemas) is not supported; use a single schema');
    subschema(v, path, depth, sink);
  },
  enum: (v, path, depth, sink) => {
    if (!Array.isArray(v) || v.length === 0) return sink.add(path, `must be a non-empty array, got ${describeType(v)}`);
    v.forEach((x, i) => checkJsonValue(x, childPointer(path, i), depth + 1, sink));
  },
  const: (v, path, depth, sink) => checkJsonValue(v, path, depth + 1, sink),
  minLength: nonNegativeInteger,
  maxLength: nonNegativeInteger,
  minItems: nonNegativeInteger,
  maxItems: nonNegativeInteger,
  minimum: finiteNumber,
  maximum: finiteNumber,
  pattern: (v, path, _d, sink) => {
    if (typeof v !== 'string') return sink.add(path, `must be a string, got ${describeType(v)}`);
    if (compilePattern(v) === null) sink.add(path, `is not a valid regular expression (unicode mode): ${preview(v)}`);
  },
  anyOf: schemaList,
  oneOf: schemaList,
};
