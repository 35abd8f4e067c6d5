import type { JsonObject, JsonValue } from '#kernel';

/** Keys that could be confused with the shape's own punctuation are quoted (JSON string) to keep shapes unique. */
const describeKey = (key: string): string => (/^[A-Za-z0-9_$.-]+$/.test(key) ? key : JSON.stringify(key));

function describeValue(value: JsonValue, nestedLevels: number): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return nestedLevels > 0 ? `{${describeObject(value, nestedLevels - 1)}}` : 'object';
  // Booleans discriminate: with two values a constant true/false in a plan is as likely a coincidence as a param,
  // so `overwrite:true` and `overwrite:false` get separate keys (and templates) instead of a boolean slot.
  if (typeof value === 'boolean') return `boolean=${value}`;
  return typeof value;
}

function describeObject(obj: JsonObject, nestedLevels: number): string {
  return Object.keys(obj)
    .sort()
    .map((k) => `${describeKey(k)}:${describeValue(obj[k] as JsonValue, nestedLevels)}`)
    .join(',');
}

/**
 * Stable description of the params' keys and JSON types, e.g. `domain:string,name:string`; boolean params carry
 * their value (`overwrite:boolean=true`); object-valued params are described one level deep
 * (`cfg:{debug:boolean=false,opts:object}`), arrays only as `array`. Params with the same
 * shape can reuse each other's templates; the shape is the lookup key, not a guarantee the template fits.
 */
export function paramShape(params: JsonObject): string {
  return describeObject(params, 1);
}
