import { checkSchema } from './index.js';
import { compilePattern } from './pattern-cache.js';

const paths = (schema: unknown) => checkSchema(schema).map((i) => i.path);

describe('checkSchema', () => {
  it('accepts a typical tool schema with unknown annotation keywords', () => {
    expect(
      checkSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: 'write_file',
        type: 'object',
        properties: {
          path: { type: 'string', minLength: 1, pattern: '^[\\w./-]+$', description: 'relative path' },
          mode: { type: ['integer', 'null'], minimum: 0, maximum: 511 },
          tags: { type: 'array', items: { enum: ['a', 'b'] }, maxItems: 3 },
          kind: { oneOf: [{ const: 'file' }, { const: 'dir' }] },
        },
        required: ['path'],
        additionalProperties: false,
      }),
    ).toEqual([]);
  });

  it.each([null, 'string', 3, [], true])('rejects a non-object root schema (%p)', (schema) => {
    expect(checkSchema(schema)).toEqual([
      { path: '', message: expect.stringMatching(/^\(root\): schema must be an object, got /) },
    ]);
  });

  it('rejects unknown type names and names the allowed ones', () => {
    expect(checkSchema({ properties: { a: { type: 'strin' } } })).toEqual([
      {
        path: '/properties/a/type',
        message:
          "/properties/a/type: unknown type 'strin' (expected one of string, number, integer, boolean, object, array, null)",
      },
    ]);
    expect(paths({ type: ['string', 'strng'] })).toEqual(['/type/1']);
    expect(paths({ type: [] })).toEqual(['/type']);
    expect(paths({ type: ['string', 'string'] })).toEqual(['/type']);
    expect(paths({ type: 5 })).toEqual(['/type']);
  });

  it('rejects invalid regular expressions, including ones only invalid in unicode mode', () => {
    expect(paths({ pattern: '(' })).toEqual(['/pattern']);
    expect(paths({ pattern: '\\_' })).toEqual(['/pattern']);
    expect(paths({ pattern: 42 })).toEqual(['/pattern']);
  });

  it('rejects keyword values of the wrong kind', () => {
    expect(
      paths({
        properties: [],
        required: ['a', 1],
        additionalProperties: 'no',
        items: [{ type: 'string' }],
        enum: [],
        minLength: -1,
        maxLength: 1.5,
        minItems: '1',
        maximum: 'ten',
        anyOf: [],
        oneOf: [3],
      }),
    ).toEqual([
      '/properties',
      '/required/1',
      '/additionalProperties',
      '/items',
      '/enum',
      '/minLength',
      '/maxLength',
      '/minItems',
      '/maximum',
      '/anyOf',
      '/oneOf/0',
    ]);
  });

  it('rejects bounds that no value can satisfy', () => {
    expect(checkSchema({ minLength: 3, maxLength: 2 })).toEqual([
      { path: '', message: '(root): minLength 3 exceeds maxLength 2; no value can match' },
    ]);
  });

  it('rejects const/enum values JSON cannot represent', () => {
    expect(paths({ const: Number.POSITIVE_INFINITY })).toEqual(['/const']);
    expect(paths({ enum: ['a', { b: undefined }] })).toEqual(['/enum/1/b']);
  });

  it('rejects schemas nested beyond the depth limit', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) schema = { items: schema };
    expect(checkSchema(schema)).toHaveLength(1);
    expect(checkSchema(schema)[0]?.message).toMatch(/schema nests deeper than 32 levels$/);
  });

  it('compiles each pattern once', () => {
    expect(compilePattern('^x+$')).toBe(compilePattern('^x+$'));
    expect(compilePattern('(')).toBeNull();
  });
});
