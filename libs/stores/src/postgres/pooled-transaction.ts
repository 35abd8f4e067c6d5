import type { EventEmitter } from 'node:events';
import { guardErrors } from './error-guard.js';

/** The part of a pooled SQL client (e.g. `pg.PoolClient`) a transaction needs; structural, so no driver import. */
export interface PooledClient extends Pick<EventEmitter, 'on' | 'off'> {
  query(text: string): Promise<unknown>;
  release(error?: Error): void;
}

/**
 * BEGIN … COMMIT on one client checked out of a pool, ROLLBACK on any error. A failed ROLLBACK means the connection
 * is gone or confused: `release(err)` then destroys it instead of handing an open transaction to the next user.
 */
export async function inPooledTransaction<C extends PooledClient, T>(
  connect: () => Promise<C>,
  fn: (client: C) => Promise<T>,
): Promise<T> {
  const client = await connect();
  const unguard = guardErrors(client);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw e;
  } finally {
    unguard();
    client.release(broken);
  }
}
