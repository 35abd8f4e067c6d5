import { PluginError } from '#kernel';
import { toJsonValue } from './json-output.js';

describe('toJsonValue', () => {
  it('keeps JSON as is, maps undefined like JSON.stringify does and dates to ISO strings', () => {
    expect(toJsonValue(undefined)).toBeNull();
    expect(toJsonValue({ a: [1, undefined, 'x'], b: undefined, c: { d: true } })).toEqual({
      a: [1, null, 'x'],
      c: { d: true },
    });
    expect(toJsonValue(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    const shared = { s: 1 };
    expect(toJsonValue({ x: shared, y: shared })).toEqual({ x: { s: 1 }, y: { s: 1 } });
  });

  it.each([
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
    ['a symbol', [Symbol('s')]],
    ['NaN', { n: Number.NaN }],
    ['a Map', new Map()],
    ['a Buffer', { b: Buffer.from('x') }],
  ])('refuses %s with PLUGIN_OUTPUT_INVALID', (_label, value) => {
    expect(() => toJsonValue(value)).toThrow(PluginError);
    try {
      toJsonValue(value);
    } catch (e) {
      expect((e as PluginError).code).toBe('PLUGIN_OUTPUT_INVALID');
    }
  });

  it('names where a cycle was found', () => {
    const a: Record<string, unknown> = { list: [] };
    (a.list as unknown[]).push({ back: a });
    expect(() => toJsonValue(a)).toThrow(/cycle at output\.list\[0\]\.back/);
  });
});
