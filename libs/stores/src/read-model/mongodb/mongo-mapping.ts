import { BadInputError, isPlainObject, parseBigIntString } from '#kernel';
import type { Checkpoint, FieldValue, FindQuery } from '../read-model.port.js';

/** Read-model collection `x` lives in MongoDB collection `rm_x`, so it can never collide with `checkpoints`. */
export const COLLECTION_PREFIX = 'rm_';
export const CHECKPOINTS_COLLECTION = 'checkpoints';
export const DEFAULT_DB_NAME = 'wre';

/** A document as stored: our fields at top level, our id in `_id`. */
export interface StoredDoc {
  _id: string;
  [field: string]: unknown;
}

export interface StoredCheckpoint {
  _id: string;
  /** Decimal string: BSON has no unsigned 64-bit integer and JS numbers round above 2^53. */
  position: string;
  version: number;
}

// Same rule as the SQLite adapter, minus `_id`, which holds our id here. It also keeps `$` operators and dotted
// paths out of filters and sort specs.
const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function assertField(field: string): string {
  if (!FIELD.test(field) || field === '_id')
    throw new BadInputError('BAD_USER_INPUT', `invalid read-model field name: ${field}`, { field });
  return field;
}

export function collectionName(collection: string): string {
  if (typeof collection !== 'string' || collection.length === 0 || /[\0$]/.test(collection)) {
    throw new BadInputError('BAD_USER_INPUT', 'read-model collection names must be non-empty, without NUL or $', {
      collection,
    });
  }
  return `${COLLECTION_PREFIX}${collection}`;
}

/**
 * Typed equality on top-level fields, as the port defines it: MongoDB compares by BSON type, so `true` matches
 * neither `1` nor `'true'`, and `null` matches null or a missing field (as SQL `IS NULL` does for SQLite).
 * Unlike SQLite, a scalar also matches an array field that contains it; read models store scalars there.
 */
export function buildFilter(where: Record<string, FieldValue> = {}): Record<string, FieldValue> {
  const filter: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(where)) {
    // An object here would be read as an operator ({ $ne: null }); the port only allows scalars.
    if (value !== null && typeof value === 'object')
      throw new BadInputError('BAD_USER_INPUT', 'where values must be scalars', { field });
    filter[assertField(field)] = value;
  }
  return filter;
}

/**
 * Sort on one field, ties broken by id ascending (as SQLite's `ORDER BY x, id`). Numbers sort numerically and
 * strings by binary comparison (MongoDB's default collation), like the other stores; across types the BSON order
 * applies (null < numbers < strings < ... < booleans), where SQLite would sort booleans as 0/1.
 */
export function buildSort(query: FindQuery): Record<string, 1 | -1> {
  if (!query.orderBy) return { _id: 1 };
  return { [assertField(query.orderBy)]: query.descending ? -1 : 1, _id: 1 };
}

/** The port's limit as a MongoDB limit; 0 means "no documents" here, whereas MongoDB reads `limit(0)` as no limit. */
export function findLimit(limit: number | undefined): number | undefined {
  if (limit === undefined || limit === Infinity) return undefined;
  const n = Math.floor(limit);
  return n > 0 ? n : 0;
}

/**
 * The stored form of a document: a JSON round trip, so MongoDB holds exactly what the SQLite store would
 * (undefined fields dropped, Dates as ISO strings, -0 as 0) and bigint fails loudly instead of becoming an Int64.
 */
export function toStoredDoc(doc: object): Omit<StoredDoc, '_id'> {
  let plain: unknown;
  try {
    const json = JSON.stringify(doc);
    plain = json === undefined ? undefined : JSON.parse(json);
  } catch {
    throw new BadInputError(
      'BAD_USER_INPUT',
      'read-model documents must be JSON-serializable (bigint travels as a decimal string)',
    );
  }
  if (!isPlainObject(plain)) throw new BadInputError('BAD_USER_INPUT', 'a read-model document must be a JSON object');
  if (Object.hasOwn(plain, '_id'))
    throw new BadInputError(
      'BAD_USER_INPUT',
      'read-model documents cannot have an _id field: it holds the document id',
    );
  return plain;
}

export const toStoredCheckpoint = (checkpoint: Checkpoint): Omit<StoredCheckpoint, '_id'> => ({
  position: checkpoint.position.toString(),
  version: checkpoint.version,
});

export const fromStoredCheckpoint = (stored: Omit<StoredCheckpoint, '_id'>): Checkpoint => ({
  position: parseBigIntString(String(stored.position), 'position'),
  version: Number(stored.version),
});

/** The database named in a `mongodb://` or `mongodb+srv://` URL's path, if any. */
export function dbNameFromUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url.trim());
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
