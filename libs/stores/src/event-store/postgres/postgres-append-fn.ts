import pg from 'pg';
import type { PgEventTables } from './pg-event-tables.js';

/**
 * The whole append as one PL/pgSQL function per schema, so an append costs one statement instead of a round trip
 * per step (lock, resend lookup, head, positions, insert). The steps and their reasons are unchanged:
 * 1. The per-stream advisory lock serialises writers of one stream until commit. The function is VOLATILE, so
 *    under READ COMMITTED each statement after the lock takes a fresh snapshot and sees the previous holder's rows.
 *    The key needs no escaping: schema names cannot contain ':'. A hash collision only makes two streams wait.
 * 2. A resend is recognised by its first event id and must match stored events one for one at consecutive
 *    revisions of the same stream, with the same type and data text; the original result is returned whatever the
 *    expected revision says, because the resending caller computed it before its first attempt succeeded.
 * 3. The expected revision is checked against the head read under the lock.
 * 4. The transaction's xid and the positions are taken inside one critical section, so that across writers xid
 *    order is position order, which the `tx < xmin` filter of readers relies on (postgres-read.ts). The section
 *    is a transaction-scoped advisory lock taken in a BEGIN…EXCEPTION block, i.e. a subtransaction, which ends by
 *    raising WR000 and catching it: that rolls the subtransaction back and drops the lock at once, while the xid
 *    (always the top-level one), the sequence values (non-transactional) and the PL/pgSQL variables survive. Any
 *    other error aborts the whole transaction, which drops the lock too, so nothing can leak it. Nothing before
 *    the section writes, so the xid cannot have been assigned earlier (appendInTransaction's precondition).
 * 5. ON CONFLICT (event_id) waits for a concurrent writer of the same id and then skips the row, so a clash with
 *    another stream shows up as a missing id rather than as an aborted statement.
 * 6. The NOTIFY is queued; PostgreSQL delivers it only if and when the transaction commits.
 * Refusals are raised with SQLSTATEs of a class PostgreSQL does not use, mapped back in postgres-append.ts:
 * WR001 = EVENT_ID_CONFLICT (MESSAGE = reason, DETAIL = event id), WR002 = wrong expected revision (DETAIL =
 * actual revision or 'no_stream'). Numbers leave as text: pg's int8 parser is process-global and may round.
 */
const body = (t: PgEventTables): string => `
DECLARE
  n int := cardinality(p_ids);
  i int := 0;
  v_first record;
  v_row record;
  v_head bigint;
  v_ok boolean;
  v_positions bigint[];
  v_clash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(${pg.escapeLiteral(`${t.schema}:`)} || p_stream, 0));

  SELECT e.stream, e.revision INTO v_first FROM ${t.events} e WHERE e.event_id = p_ids[1];
  IF FOUND THEN
    IF v_first.stream <> p_stream THEN
      RAISE EXCEPTION USING ERRCODE = 'WR001', MESSAGE = 'is stored in another stream', DETAIL = p_ids[1];
    END IF;
    FOR v_row IN SELECT e.event_id, e.type, e.data::text AS data, e.revision, e.position FROM ${t.events} e
                 WHERE e.stream = p_stream AND e.revision >= v_first.revision ORDER BY e.revision LIMIT n LOOP
      i := i + 1;
      IF v_row.event_id <> p_ids[i] THEN
        RAISE EXCEPTION USING ERRCODE = 'WR001', MESSAGE = 'does not match the stored batch it resends', DETAIL = p_ids[i];
      END IF;
      -- Same id, other content: a different decision wearing a resend's ids must not pass as a no-op.
      IF v_row.type <> p_types[i] OR v_row.data <> p_data[i] THEN
        RAISE EXCEPTION USING ERRCODE = 'WR001', MESSAGE = 'is stored with different type or data', DETAIL = p_ids[i];
      END IF;
      next_revision := v_row.revision::text;
      last_position := v_row.position::text;
    END LOOP;
    IF i < n THEN
      RAISE EXCEPTION USING ERRCODE = 'WR001', MESSAGE = 'does not match the stored batch it resends', DETAIL = p_ids[i + 1];
    END IF;
    written := false;
    RETURN;
  END IF;

  SELECT e.revision INTO v_head FROM ${t.events} e WHERE e.stream = p_stream ORDER BY e.revision DESC LIMIT 1;
  -- An IF chain, not one CASE: the planner may fold p_expected::bigint early and fail on 'any'.
  IF p_expected = 'any' THEN v_ok := true;
  ELSIF p_expected = 'no_stream' THEN v_ok := v_head IS NULL;
  ELSIF p_expected = 'stream_exists' THEN v_ok := v_head IS NOT NULL;
  ELSE v_ok := v_head IS NOT DISTINCT FROM p_expected::bigint;
  END IF;
  IF NOT v_ok THEN
    RAISE EXCEPTION USING ERRCODE = 'WR002', MESSAGE = 'wrong expected revision', DETAIL = coalesce(v_head::text, 'no_stream');
  END IF;

  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(${pg.escapeLiteral(`wre-event-store-positions:${t.schema}`)}, 0));
    PERFORM pg_current_xact_id();
    SELECT array_agg(s.p ORDER BY s.p) INTO v_positions FROM (SELECT nextval(p_sequence) AS p FROM generate_series(1, n)) s;
    RAISE EXCEPTION USING ERRCODE = 'WR000';
  EXCEPTION WHEN SQLSTATE 'WR000' THEN NULL;
  END;

  WITH ins AS (
    INSERT INTO ${t.events} (position, stream, revision, event_id, type, data, metadata)
    SELECT v_positions[u.ord::int], p_stream, coalesce(v_head, -1) + u.ord, u.id, u.type, u.data::json, u.metadata::json
    FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, metadata, ord)
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id)
  SELECT b.id INTO v_clash FROM unnest(p_ids) WITH ORDINALITY AS b(id, ord)
  WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.event_id = b.id) ORDER BY b.ord LIMIT 1;
  IF v_clash IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'WR001', MESSAGE = 'is already stored but the batch is not a resend', DETAIL = v_clash;
  END IF;

  PERFORM pg_notify(${pg.escapeLiteral(t.channel)}, v_positions[n]::text);
  next_revision := (coalesce(v_head, -1) + n)::text;
  last_position := v_positions[n]::text;
  written := true;
END`;

const SIGNATURE = '(text, text, text[], text[], text[], text[], regclass)';

/**
 * Installs the append function unless the schema already holds this exact body. Run inside the schema-creation
 * transaction, under its lock. Skipping an identical body keeps a store that shares the schema with another role
 * from needing to own the function; a changed body (a newer version of this code) replaces it.
 */
export async function installAppendFunction(client: pg.ClientBase, t: PgEventTables): Promise<void> {
  const source = body(t);
  const { rows } = await client.query<{ src: string }>(
    'SELECT prosrc AS src FROM pg_proc WHERE oid = to_regprocedure($1)',
    [`${t.appendFn}${SIGNATURE}`],
  );
  if (rows[0]?.src === source) return;
  await client.query(`
    CREATE OR REPLACE FUNCTION ${t.appendFn}(p_stream text, p_expected text, p_ids text[], p_types text[], p_data text[],
      p_metadata text[], p_sequence regclass, OUT next_revision text, OUT last_position text, OUT written boolean)
    VOLATILE LANGUAGE plpgsql AS $wre_append$${source}$wre_append$`);
}
