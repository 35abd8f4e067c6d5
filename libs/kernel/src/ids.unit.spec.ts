import {
  deterministicId,
  eventIdFor,
  stableStringify,
  contentHash,
  parseBigIntString,
  BadInputError,
} from './index.js';

describe('kernel ids and json', () => {
  it('derives the same event id from the same command and index, different otherwise', () => {
    expect(eventIdFor('cmd-1', 0)).toBe(eventIdFor('cmd-1', 0));
    expect(eventIdFor('cmd-1', 0)).not.toBe(eventIdFor('cmd-1', 1));
    expect(deterministicId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('serialises objects independent of key order', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    const withProto = JSON.parse('{"__proto__":{"x":1},"b":2}');
    expect(stableStringify(withProto)).toBe('{"__proto__":{"x":1},"b":2}');
    expect(contentHash(withProto)).not.toBe(contentHash({ b: 2 }));
  });

  it('parses decimal position strings beyond 2^53 and rejects anything else', () => {
    expect(parseBigIntString('9007199254740993')).toBe(9007199254740993n);
    for (const bad of ['-1', '01', '1e3', '', 'abc', '1.5']) {
      expect(() => parseBigIntString(bad)).toThrow(BadInputError);
    }
  });
});
