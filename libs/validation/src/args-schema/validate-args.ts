import { isPlainObject } from '#kernel';
import type { ArgsSchema } from '#domain';
import { ARGS_SCHEMA_LIMITS, IssueSink, childPointer, displayPath, type ArgsIssue } from './args-issue.js';
import { checkSchema } from './check-schema.js';
import {
  codePointLength,
  definedKeys,
  describeType,
  isJsonKind,
  jsonEqual,
  matchesType,
  preview,
} from './json-kind.js';
import { compilePattern } from './pattern-cache.js';

type Schema = Record<string, unknown>;

/** Schemas already checked, by identity: registration-time schemas are validated against many times. */
const schemaVerdicts = new WeakMap<object, ArgsIssue[]>();

/**
 * Validates tool arguments against a JSON Schema subset (see `checkSchema` for the supported keywords).
 * Returns every issue found (up to `ARGS_SCHEMA_LIMITS.maxIssues`), empty when the value is valid. Never throws.
 * Fails closed: a schema that does not pass `checkSchema` yields issues instead of a partial validation.
 */
export function validateArgs(schema: ArgsSchema, value: unknown): ArgsIssue[] {
  const schemaIssues = verdictFor(schema);
  if (schemaIssues.length > 0) {
    const first = schemaIssues[0]?.message ?? '';
    return [
      {
        path: '',
        message: `(root): cannot validate against an invalid schema (${schemaIssues.length} issue(s), first: ${first})`,
      },
    ];
  }
  const sink = new IssueSink();
  validateNode(schema, value, '', 0, sink);
  return sink.issues;
}

function verdictFor(schema: unknown): ArgsIssue[] {
  if (!isPlainObject(schema)) return checkSchema(schema);
  let verdict = schemaVerdicts.get(schema);
  if (verdict === undefined) {
    verdict = checkSchema(schema);
    schemaVerdicts.set(schema, verdict);
  }
  return verdict;
}

function validateNode(schema: unknown, value: unknown, path: string, depth: number, sink: IssueSink): void {
  if (sink.full) return;
  if (depth > ARGS_SCHEMA_LIMITS.maxDepth)
    return sink.add(path, `nests deeper than ${ARGS_SCHEMA_LIMITS.maxDepth} levels`);
  if (schema === false) return sink.add(path, 'no value is allowed here');
  if (!isPlainObject(schema)) return; // `true` (checked schemas hold nothing else here)
  const kind = describeType(value);
  if (!isJsonKind(kind)) return sink.add(path, `expected a JSON value, got ${kind}`);
  const types = typeNames(schema.type);
  // After a type mismatch every other keyword would only add noise about the same mistake.
  if (types && !types.some((t) => matchesType(t, value)))
    return sink.add(path, `expected ${types.join(' or ')}, got ${kind}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => jsonEqual(e, value))) {
    sink.add(
      path,
      `must be one of ${schema.enum
        .slice(0, 5)
        .map((e) => preview(e, 30))
        .join(', ')}${schema.enum.length > 5 ? ', …' : ''}`,
    );
  }
  if (Object.hasOwn(schema, 'const') && !jsonEqual(schema.const, value))
    sink.add(path, `must equal ${preview(schema.const)}`);
  if (typeof value === 'string') checkString(schema, value, path, sink);
  else if (typeof value === 'number') checkNumber(schema, value, path, sink);
  else if (Array.isArray(value)) checkArray(schema, value, path, depth, sink);
  else if (isPlainObject(value)) checkObject(schema, value, path, depth, sink);
  checkAlternatives(schema, value, path, depth, sink);
}

const typeNames = (t: unknown): string[] | undefined =>
  typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : undefined;

const num = (schema: Schema, keyword: string): number | undefined => {
  const v = schema[keyword];
  return typeof v === 'number' ? v : undefined;
};

function checkString(schema: Schema, value: string, path: string, sink: IssueSink): void {
  const min = num(schema, 'minLength');
  const max = num(schema, 'maxLength');
  if (min !== undefined || max !== undefined) {
    const length = codePointLength(value);
    if (min !== undefined && length < min) sink.add(path, `must be at least ${min} characters, got ${length}`);
    if (max !== undefined && length > max) sink.add(path, `must be at most ${max} characters, got ${length}`);
  }
  if (typeof schema.pattern !== 'string') return;
  if (value.length > ARGS_SCHEMA_LIMITS.maxPatternInputLength) {
    return sink.add(path, `is longer than ${ARGS_SCHEMA_LIMITS.maxPatternInputLength} characters; pattern not checked`);
  }
  const re = compilePattern(schema.pattern);
  if (re === null || !re.test(value)) sink.add(path, `must match pattern ${preview(schema.pattern)}`);
}

function checkNumber(schema: Schema, value: number, path: string, sink: IssueSink): void {
  const min = num(schema, 'minimum');
  const max = num(schema, 'maximum');
  if (min !== undefined && value < min) sink.add(path, `must be >= ${min}, got ${value}`);
  if (max !== undefined && value > max) sink.add(path, `must be <= ${max}, got ${value}`);
}

function checkArray(schema: Schema, value: unknown[], path: string, depth: number, sink: IssueSink): void {
  const min = num(schema, 'minItems');
  const max = num(schema, 'maxItems');
  if (min !== undefined && value.length < min) sink.add(path, `must have at least ${min} items, got ${value.length}`);
  if (max !== undefined && value.length > max) sink.add(path, `must have at most ${max} items, got ${value.length}`);
  if (schema.items === undefined) return;
  for (let i = 0; i < value.length && !sink.full; i++)
    validateNode(schema.items, value[i], childPointer(path, i), depth + 1, sink);
}

function checkObject(
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
  depth: number,
  sink: IssueSink,
): void {
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  // Own-property lookups only: a property called `constructor` must not find Object.prototype's.
  const present = (key: string) => Object.hasOwn(value, key) && value[key] !== undefined;
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === 'string' && !present(name))
        sink.add(childPointer(path, name), 'required property is missing');
    }
  }
  for (const key of definedKeys(value)) {
    if (sink.full) return;
    const child = childPointer(path, key);
    if (Object.hasOwn(properties, key)) validateNode(properties[key], value[key], child, depth + 1, sink);
    else if (schema.additionalProperties === false) sink.add(child, 'property is not allowed');
    else if (schema.additionalProperties !== undefined)
      validateNode(schema.additionalProperties, value[key], child, depth + 1, sink);
  }
}

function checkAlternatives(schema: Schema, value: unknown, path: string, depth: number, sink: IssueSink): void {
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const outcomes = branches.map((branch) => {
      const sub = new IssueSink();
      validateNode(branch, value, path, depth + 1, sub);
      return sub.issues;
    });
    const matched = outcomes.filter((o) => o.length === 0).length;
    if (matched === 0) {
      // The branch with the fewest issues is usually the one the caller meant; its first issue is the useful hint.
      const closest = outcomes.reduce((a, b) => (b.length < a.length ? b : a));
      sink.add(
        path,
        `matches none of the ${branches.length} ${keyword} alternatives (closest: ${closest[0]?.message ?? displayPath(path)})`,
      );
    } else if (keyword === 'oneOf' && matched > 1) {
      sink.add(path, `matches ${matched} oneOf alternatives, expected exactly one`);
    }
  }
}
