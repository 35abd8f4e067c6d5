import { describe, expect, it } from '@jest/globals';
import { BSON } from 'mongodb';
import {
  buildFilter,
  buildSort,
  collectionName,
  dbNameFromUrl,
  findLimit,
  fromStoredCheckpoint,
  toStoredCheckpoint,
  toStoredDoc,
} from './mongo-mapping.js';

describe('collection and field names', () => {
  it('prefixes read-model collections and rejects names MongoDB cannot hold', () => {
    expect(collectionName('things')).toBe('rm_things');
    expect(collectionName('pattern-keys.v2')).toBe('rm_pattern-keys.v2');
    expect(collectionName('checkpoints')).toBe('rm_checkpoints');
    for (const bad of ['', 'a$b', 'a\u0000b'])
      expect(() => collectionName(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('buildFilter', () => {
  it('builds typed top-level equality, ANDing fields', () => {
    expect(buildFilter({ tag: 'x', flag: false, n: -1.5, gone: null })).toEqual({
      tag: 'x',
      flag: false,
      n: -1.5,
      gone: null,
    });
    expect(buildFilter()).toEqual({});
  });

  it('rejects operator injection, dotted paths and _id', () => {
    for (const field of ['$where', 'a.b', "x') OR 1=1", '_id', '1abc']) {
      expect(() => buildFilter({ [field]: 1 })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    expect(() => buildFilter({ status: { $ne: null } as unknown as string })).toThrow('where values must be scalars');
  });
});

describe('buildSort and findLimit', () => {
  it('sorts by one field with id as the ascending tie-break, by id alone otherwise', () => {
    expect(buildSort({})).toEqual({ _id: 1 });
    expect(buildSort({ orderBy: 'n' })).toEqual({ n: 1, _id: 1 });
    expect(Object.keys(buildSort({ orderBy: 'n', descending: true }))).toEqual(['n', '_id']);
    expect(buildSort({ orderBy: 'n', descending: true })).toEqual({ n: -1, _id: 1 });
    expect(() => buildSort({ orderBy: 'a.b' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('keeps limit 0 meaning "nothing" (MongoDB reads limit(0) as unlimited)', () => {
    expect(findLimit(undefined)).toBeUndefined();
    expect(findLimit(Infinity)).toBeUndefined();
    expect([0, -3, 0.5, Number.NaN].map(findLimit)).toEqual([0, 0, 0, 0]);
    expect([1, 2.9, 50].map(findLimit)).toEqual([1, 2, 50]);
  });
});

describe('stored forms', () => {
  it('stores what JSON would: undefined dropped, Date as ISO text, -0 as 0; bigint and _id refused', () => {
    const when = new Date('2026-01-02T03:04:05.000Z');
    expect(toStoredDoc({ a: 1, skip: undefined, when, z: -0, list: [undefined] })).toEqual({
      a: 1,
      when: '2026-01-02T03:04:05.000Z',
      z: 0,
      list: [null],
    });
    expect(Object.is(toStoredDoc({ z: -0 }).z, 0)).toBe(true);
    expect(() => toStoredDoc({ big: 1n })).toThrow(/bigint/);
    expect(() => toStoredDoc({ _id: 'x' })).toThrow(/_id/);
    expect(() => toStoredDoc([1] as unknown as object)).toThrow(/JSON object/);
  });

  it('round-trips the contract’s awkward document exactly through the real BSON codec', () => {
    const doc = {
      id: 'ünïcødé/🙂',
      nested: { a: { b: { c: [1, [2, [3, { d: 'deep' }]]] } }, empty: {}, list: [] },
      escapes: 'quote " backslash \\ newline \n tab \t',
      numbers: [
        0,
        -7,
        3.25,
        1e-7,
        1.7976931348623157e308,
        Number.MAX_SAFE_INTEGER,
        -Number.MAX_SAFE_INTEGER,
        2 ** 31,
        -(2 ** 31) - 1,
      ],
      flags: [true, false, null],
      position: '18446744073709551615',
      big: 'wre-λ-✓-'.repeat(12_500),
    };
    const { _id, ...back } = BSON.deserialize(BSON.serialize({ _id: doc.id, ...toStoredDoc(doc) }));
    expect(_id).toBe(doc.id);
    expect(back).toStrictEqual(doc);
  });

  it('keeps checkpoint positions beyond 2^53 exact as decimal strings', () => {
    const cp = { position: 9_007_199_254_740_993n, version: 4 };
    expect(toStoredCheckpoint(cp)).toEqual({ position: '9007199254740993', version: 4 });
    expect(fromStoredCheckpoint(toStoredCheckpoint(cp))).toEqual(cp);
    expect(() => fromStoredCheckpoint({ position: '-1', version: 1 })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });

  it('finds the database name in a connection string path', () => {
    expect(dbNameFromUrl('mongodb://localhost:27017/wre_prod?replicaSet=rs0')).toBe('wre_prod');
    expect(dbNameFromUrl('mongodb+srv://u:p@cluster.example.net/reads')).toBe('reads');
    expect(dbNameFromUrl('mongodb://a:27017,b:27017/?replicaSet=rs0')).toBeUndefined();
    expect(dbNameFromUrl('mongodb://localhost')).toBeUndefined();
  });
});
