import { paramShape } from './index.js';

describe('paramShape', () => {
  it('describes sorted keys with their JSON types', () => {
    expect(paramShape({ name: 'new_module', domain: 'general' })).toBe('domain:string,name:string');
    expect(paramShape({ n: 1, b: true, z: null, l: [1, 'a'] })).toBe('b:boolean=true,l:array,n:number,z:null');
    // Booleans discriminate: a plan for overwrite=true is never served for overwrite=false.
    expect(paramShape({ overwrite: true })).not.toBe(paramShape({ overwrite: false }));
    expect(paramShape({})).toBe('');
  });

  it('gives params with the same keys and types the same shape, whatever the values or key order', () => {
    expect(paramShape({ name: 'billing', domain: 'finance' })).toBe(paramShape({ domain: 'general', name: 'x' }));
    expect(paramShape({ name: 'a' })).not.toBe(paramShape({ name: 1 }));
    expect(paramShape({ name: 'a' })).not.toBe(paramShape({ name: 'a', extra: 'b' }));
  });

  it('describes nested objects one level deep', () => {
    expect(paramShape({ cfg: { debug: true, opts: { deep: 1 }, tags: [] } })).toBe(
      'cfg:{debug:boolean=true,opts:object,tags:array}',
    );
    expect(paramShape({ cfg: { opts: { deep: 1 } } })).toBe(paramShape({ cfg: { opts: { other: 'x' } } }));
  });

  it('quotes keys that contain shape punctuation, so different params cannot collide', () => {
    expect(paramShape({ 'a:string,b': 'x' })).toBe('"a:string,b":string');
    expect(paramShape({ 'a:string,b': 'x' })).not.toBe(paramShape({ a: 'x', b: 'y' }));
  });
});
