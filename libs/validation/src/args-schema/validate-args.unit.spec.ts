import { validateArgs, ARGS_SCHEMA_LIMITS, type ArgsIssue } from './index.js';
import type { ArgsSchema } from '#domain';

const messages = (issues: ArgsIssue[]) => issues.map((i) => i.message);

describe('validateArgs: types', () => {
  it.each([
    ['string', 'x', 3, '(root): expected string, got number'],
    ['number', 1.5, 'x', '(root): expected number, got string'],
    ['integer', 2, 2.5, '(root): expected integer, got number'],
    ['boolean', false, 0, '(root): expected boolean, got number'],
    ['object', {}, [], '(root): expected object, got array'],
    ['array', [], {}, '(root): expected array, got object'],
    ['null', null, 0, '(root): expected null, got number'],
  ])('type %s accepts a matching value and names both types on a mismatch', (type, ok, bad, message) => {
    expect(validateArgs({ type }, ok)).toEqual([]);
    expect(validateArgs({ type }, bad)).toEqual([{ path: '', message }]);
  });

  it('accepts any of several types and lists them when none match', () => {
    const schema = { type: ['string', 'null'] };
    expect(validateArgs(schema, null)).toEqual([]);
    expect(validateArgs(schema, 'a')).toEqual([]);
    expect(messages(validateArgs(schema, true))).toEqual(['(root): expected string or null, got boolean']);
  });

  it('refuses values JSON cannot carry, even without a type', () => {
    expect(messages(validateArgs({}, undefined))).toEqual(['(root): expected a JSON value, got undefined']);
    expect(messages(validateArgs({ type: 'number' }, Number.NaN))).toEqual([
      '(root): expected a JSON value, got non-finite number',
    ]);
    expect(messages(validateArgs({ properties: { f: {} } }, { f: () => 1 }))).toEqual([
      '/f: expected a JSON value, got function',
    ]);
  });
});

describe('validateArgs: objects', () => {
  const schema: ArgsSchema = {
    type: 'object',
    properties: { path: { type: 'string' }, mode: { type: 'integer' } },
    required: ['path'],
    additionalProperties: false,
  };

  it('given a well-formed object, finds nothing', () => {
    expect(validateArgs(schema, { path: 'a/b', mode: 420 })).toEqual([]);
  });

  it('points at the offending property with a JSON pointer', () => {
    expect(validateArgs(schema, { path: 3 })).toEqual([
      { path: '/path', message: '/path: expected string, got number' },
    ]);
  });

  it('reports missing required and disallowed extra properties at their own paths', () => {
    expect(validateArgs(schema, { extra: 1 })).toEqual([
      { path: '/path', message: '/path: required property is missing' },
      { path: '/extra', message: '/extra: property is not allowed' },
    ]);
  });

  it('treats undefined-valued properties as absent, as JSON would', () => {
    expect(messages(validateArgs(schema, { path: undefined }))).toEqual(['/path: required property is missing']);
  });

  it('validates extra properties against an additionalProperties schema', () => {
    const s = { type: 'object', additionalProperties: { type: 'number' } };
    expect(validateArgs(s, { a: 1, b: 2 })).toEqual([]);
    expect(messages(validateArgs(s, { a: 1, b: 'x' }))).toEqual(['/b: expected number, got string']);
  });

  it('does not mistake inherited names like constructor for declared properties', () => {
    const s = { type: 'object', properties: {}, additionalProperties: false, required: ['toString'] };
    expect(messages(validateArgs(s, { constructor: 1 }))).toEqual([
      '/toString: required property is missing',
      '/constructor: property is not allowed',
    ]);
  });

  it('escapes ~ and / in pointer segments', () => {
    const s = { type: 'object', additionalProperties: { type: 'string' } };
    expect(validateArgs(s, { 'a/b~c': 1 })[0]?.path).toBe('/a~1b~0c');
  });
});

describe('validateArgs: arrays, strings, numbers, enum, const', () => {
  it('checks every item and the item count', () => {
    const s = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 };
    expect(validateArgs(s, ['a'])).toEqual([]);
    expect(messages(validateArgs(s, []))).toEqual(['(root): must have at least 1 items, got 0']);
    expect(messages(validateArgs(s, ['a', 1, 'c']))).toEqual([
      '(root): must have at most 2 items, got 3',
      '/1: expected string, got number',
    ]);
    expect(validateArgs({ properties: { items: s } }, { items: ['a', 0] })[0]?.path).toBe('/items/1');
  });

  it('counts string length in code points', () => {
    const s = { type: 'string', minLength: 2, maxLength: 3 };
    expect(validateArgs(s, '😀😀')).toEqual([]);
    expect(messages(validateArgs(s, '😀'))).toEqual(['(root): must be at least 2 characters, got 1']);
    expect(messages(validateArgs(s, 'abcd'))).toEqual(['(root): must be at most 3 characters, got 4']);
  });

  it('matches patterns unanchored, like JSON Schema', () => {
    expect(validateArgs({ pattern: 'b+' }, 'abbc')).toEqual([]);
    expect(messages(validateArgs({ pattern: '^[a-z]+$' }, 'aB'))).toEqual(['(root): must match pattern "^[a-z]+$"']);
    expect(validateArgs({ pattern: '^a' }, 5)).toEqual([]);
  });

  it('refuses to run a pattern over a string longer than the limit', () => {
    const long = 'a'.repeat(ARGS_SCHEMA_LIMITS.maxPatternInputLength + 1);
    expect(messages(validateArgs({ pattern: '^a+$' }, long))).toEqual([
      '(root): is longer than 10000 characters; pattern not checked',
    ]);
    expect(validateArgs({ pattern: '^a+$' }, long.slice(1))).toEqual([]);
  });

  it('checks inclusive minimum and maximum', () => {
    const s = { type: 'number', minimum: 0, maximum: 10 };
    expect(validateArgs(s, 0)).toEqual([]);
    expect(validateArgs(s, 10)).toEqual([]);
    expect(messages(validateArgs(s, -1))).toEqual(['(root): must be >= 0, got -1']);
    expect(messages(validateArgs(s, 11))).toEqual(['(root): must be <= 10, got 11']);
  });

  it('compares enum and const as JSON, ignoring key order', () => {
    expect(validateArgs({ enum: ['a', { x: 1, y: [2] }] }, { y: [2], x: 1 })).toEqual([]);
    expect(messages(validateArgs({ enum: ['a', 'b'] }, 'c'))).toEqual(['(root): must be one of "a", "b"']);
    expect(validateArgs({ const: { a: [1, null] } }, { a: [1, null] })).toEqual([]);
    expect(messages(validateArgs({ const: 1 }, 2))).toEqual(['(root): must equal 1']);
    expect(messages(validateArgs({ const: [1] }, [1, 2]))).toEqual(['(root): must equal [1]']);
  });
});

describe('validateArgs: anyOf / oneOf', () => {
  it('anyOf passes when one branch matches and hints at the closest branch otherwise', () => {
    const s: ArgsSchema = { anyOf: [{ type: 'string' }, { type: 'object', required: ['a', 'b'] }] };
    expect(validateArgs(s, 'x')).toEqual([]);
    expect(validateArgs(s, { a: 1, b: 2 })).toEqual([]);
    expect(messages(validateArgs(s, 3))).toEqual([
      '(root): matches none of the 2 anyOf alternatives (closest: (root): expected string, got number)',
    ]);
  });

  it('oneOf needs exactly one matching branch', () => {
    const s: ArgsSchema = { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 10 }] };
    expect(validateArgs(s, 3)).toEqual([]);
    expect(validateArgs(s, 10.5)).toEqual([]);
    expect(messages(validateArgs(s, 12))).toEqual(['(root): matches 2 oneOf alternatives, expected exactly one']);
    expect(messages(validateArgs(s, 'x'))[0]).toMatch(/^\(root\): matches none of the 2 oneOf alternatives/);
  });

  it('supports boolean subschemas', () => {
    expect(validateArgs({ properties: { a: true, b: false } }, { a: 1 })).toEqual([]);
    expect(messages(validateArgs({ properties: { b: false } }, { b: 1 }))).toEqual(['/b: no value is allowed here']);
  });
});

describe('validateArgs: hostile input', () => {
  it('fails closed on an invalid schema instead of validating part of it', () => {
    const issues = validateArgs({ type: 'strnig' }, 'x');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(
      /^\(root\): cannot validate against an invalid schema \(1 issue\(s\), first: \/type: unknown type 'strnig'/,
    );
  });

  it('walks values only as deep as the schema goes, so deep or cyclic values cannot exhaust the stack', () => {
    const nest = (levels: number): ArgsSchema =>
      levels === 0 ? { type: 'array' } : { type: 'array', items: nest(levels - 1) };
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(validateArgs(nest(ARGS_SCHEMA_LIMITS.maxDepth), cyclic)).toEqual([]);
    expect(messages(validateArgs(nest(ARGS_SCHEMA_LIMITS.maxDepth + 1), cyclic))[0]).toMatch(
      /cannot validate against an invalid schema/,
    );
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(messages(validateArgs(nest(3), deep))).toEqual([]);
    expect(messages(validateArgs({ items: { items: { type: 'string' } } }, deep))).toEqual([
      '/0/0: expected string, got array',
    ]);
  });

  it('caps the number of issues', () => {
    const issues = validateArgs(
      { type: 'array', items: { type: 'string' } },
      Array.from({ length: 1000 }, () => 0),
    );
    expect(issues).toHaveLength(ARGS_SCHEMA_LIMITS.maxIssues + 1);
    expect(issues.at(-1)?.message).toBe('(root): stopped after 100 issues');
  });
});
