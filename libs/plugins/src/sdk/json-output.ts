import { PluginError, type JsonValue } from '#kernel';

const MAX_DEPTH = 100;

class NotJson extends Error {
  constructor(
    readonly reason: string,
    readonly at: string,
  ) {
    super(reason);
  }
}

function convert(value: unknown, at: string, ancestors: object[]): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotJson('non-finite number', at);
    return value;
  }
  if (typeof value !== 'object') throw new NotJson(`${typeof value} is not JSON`, at);
  if (ancestors.includes(value)) throw new NotJson('cycle', at);
  if (ancestors.length >= MAX_DEPTH) throw new NotJson(`nested deeper than ${MAX_DEPTH}`, at);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new NotJson('invalid date', at);
    return value.toISOString();
  }
  if (value instanceof Map || value instanceof Set || value instanceof Promise || ArrayBuffer.isView(value)) {
    // JSON.stringify would silently turn these into {} (or a Buffer dump); refuse instead of losing data.
    throw new NotJson(`${value.constructor.name} is not JSON`, at);
  }
  const inner = [...ancestors, value];
  if (Array.isArray(value)) return value.map((v, i) => convert(v, `${at}[${i}]`, inner));
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return convert(toJSON.call(value), at, inner);
  const out: { [key: string]: JsonValue } = {};
  for (const [key, v] of Object.entries(value)) {
    // Same as JSON.stringify: an undefined property is simply absent.
    if (v !== undefined) out[key] = convert(v, `${at}.${key}`, inner);
  }
  return out;
}

/**
 * Turns whatever a plugin returned into a JSON value, or refuses it.
 * `undefined` becomes `null` (properties holding `undefined` are dropped, as JSON does);
 * functions, symbols, bigints, non-finite numbers, Maps/Sets/buffers and cycles are refused.
 *
 * @throws PluginError `PLUGIN_OUTPUT_INVALID` with `details.at` (a path like `output.files[2]`).
 */
export function toJsonValue(value: unknown, what = 'output', details: Record<string, unknown> = {}): JsonValue {
  try {
    return convert(value, what, []);
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
    throw new PluginError('PLUGIN_OUTPUT_INVALID', `${what} is not JSON-serialisable: ${e.reason} at ${e.at}`, {
      ...details,
      reason: e.reason,
      at: e.at,
    });
  }
}
