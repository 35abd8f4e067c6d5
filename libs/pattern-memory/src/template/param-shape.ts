import type { JsonObject, JsonValue } from '../../../kernel/src/index.js';

/** Keys that could be confused with the shape's own punctuation are quoted (JSON string) to keep shapes unique. */
const describeKey = (key: string): string => (/^[A-Za-z0-9_$.-]+$/.test(key) ? key : JSON.stringify(key));

function describeValue(value: JsonValue, nestedLevels: number): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return nestedLevels > 0 ? `{${describeObject(value, nestedLevels - 1)}}` : 'object';
  return typeof value;
}

function describeObject(obj: JsonObject, nestedLevels: number): string {
  return Object.keys(obj)
    .sort()
    .map((k) => `${describeKey(k)}:${describeValue(obj[k] as JsonValue, nestedLevels)}`)
    .join(',');
}

/**
 * Stable description of the params' keys and JSON types, e.g. `domain:string,name:string`; object-valued params
 * are described one level deep (`cfg:{debug:boolean,opts:object}`), arrays only as `array`. Params with the same
 * shape can reuse each other's templates; the shape is the lookup key, not a guarantee the template fits.
 */
export function paramShape(params: JsonObject): string {
  return describeObject(params, 1);
}
