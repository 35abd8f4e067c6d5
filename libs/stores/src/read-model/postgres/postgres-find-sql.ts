import { BadInputError } from '#kernel';
import type { FieldValue, FindQuery } from '../read-model.port.js';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * `doc->>'field'` for a validated top-level field. Fields are spliced into SQL, not bound: an expression index
 * only serves a query whose expression has the same literal key, and a bound key never matches it.
 */
export function textOf(field: string): string {
  if (!FIELD.test(field))
    throw new BadInputError('BAD_USER_INPUT', `invalid read-model field name: ${field}`, { field });
  return `(doc->>'${field}')`;
}

const typeOf = (field: string): string => `jsonb_typeof(doc->'${field}')`;

/** A parameterised statement. */
export interface Sql {
  text: string;
  values: unknown[];
}

/**
 * Typed equality that the `(doc->>'field')` index from ensureIndex can serve: the text form is compared (index
 * condition) and the JSON type is checked (filter), so the string '10' never equals the number 10 and true never
 * equals 1. Numbers compare in the text jsonb prints, which is numeric's: `$n::numeric::text` turns the query
 * value (say 1e-7) into that same spelling (0.0000001). null also matches a missing field, as in SQLite.
 */
function equality(field: string, value: FieldValue, values: unknown[]): string {
  const text = textOf(field);
  if (value === null) return `${text} IS NULL`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new BadInputError('BAD_USER_INPUT', `read-model equality on a non-finite number: ${value}`, { field });
    values.push(String(value));
    return `${text} = $${values.length}::numeric::text AND ${typeOf(field)} = 'number'`;
  }
  values.push(String(value));
  return `${text} = $${values.length} AND ${typeOf(field)} = '${typeof value === 'boolean' ? 'boolean' : 'string'}'`;
}

/**
 * Sort keys mirroring SQLite's ORDER BY json_extract(...): missing/null first, then numbers (booleans as 0/1)
 * numerically, then strings (and nested JSON, as text) by code point. Descending reverses all three keys;
 * the id tiebreak stays ascending, as in the SQLite adapter.
 */
function ordering(field: string, descending: boolean): string {
  const type = typeOf(field);
  const text = textOf(field);
  const dir = descending ? 'DESC' : 'ASC';
  const rank = `CASE ${type} WHEN 'number' THEN 1 WHEN 'boolean' THEN 1 WHEN 'string' THEN 2 WHEN 'object' THEN 2 WHEN 'array' THEN 2 ELSE 0 END`;
  const num = `CASE ${type} WHEN 'number' THEN ${text}::numeric WHEN 'boolean' THEN (CASE ${text} WHEN 'true' THEN 1 ELSE 0 END) END`;
  const str = `CASE WHEN ${type} IN ('string', 'object', 'array') THEN ${text} END COLLATE "C"`;
  return `${rank} ${dir}, ${num} ${dir}, ${str} ${dir}, id`;
}

/** The SELECT behind `find` on the given (quoted, schema-qualified) docs table. */
export function findSql(docsTable: string, collection: string, query: FindQuery): Sql {
  const values: unknown[] = [collection];
  const where = Object.entries(query.where ?? {})
    .map(([f, v]) => ` AND ${equality(f, v, values)}`)
    .join('');
  const order = query.orderBy === undefined ? 'id' : ordering(query.orderBy, query.descending === true);
  // LIMIT NULL means no limit, so one statement shape serves both.
  values.push(query.limit === undefined ? null : Math.max(0, Math.floor(query.limit)));
  return {
    text: `SELECT doc FROM ${docsTable} WHERE collection = $1${where} ORDER BY ${order} LIMIT $${values.length}`,
    values,
  };
}
