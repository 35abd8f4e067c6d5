/**
 * Event store throughput: the SQLite adapter against raw better-sqlite3 doing the same work on the same kind of
 * file in the same process, so the ratio isolates what the adapter adds (validation, expected-revision and
 * idempotency checks, mapping). Run with `npm run bench:stores`; writes bench/results/store-throughput.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { NewEvent } from '#kernel';
import { type ExpectedRevision } from '#stores/event-store';
import { SqliteEventStore } from '#stores/event-store/sqlite';
import { machineInfo, median, writeSection } from './lib/benchmarks-md.js';
// Same pragmas and table for the baseline, so only the adapter's own work differs.
import { initialize } from '#stores/event-store/sqlite';

const RUNS = 5;
/** fsync policy under test (the app's default is FULL); FULL pays an fsync per commit, so it runs fewer events. */
const SYNC = (process.env.WRE_SQLITE_SYNCHRONOUS ?? 'full').toUpperCase() === 'NORMAL' ? 'NORMAL' : 'FULL';
const EVENTS = SYNC === 'FULL' ? 4_000 : 20_000;
const STREAMS = 1_000;
const PAGE = 1_000;

type Batch = { stream: string; events: NewEvent[] };

function makeBatches(tag: string, total: number, perAppend: number): Batch[] {
  const batches: Batch[] = [];
  for (let k = 0; k * perAppend < total; k++) {
    const events = Array.from({ length: perAppend }, (_, j): NewEvent => {
      const i = k * perAppend + j;
      return {
        type: 'OperationExecuted',
        data: { operationId: `op-${i}`, path: `modules/m${i % 50}/src/index.ts`, attempt: 1, note: 'x'.repeat(120) },
        metadata: {
          eventId: `${tag}-${i}`,
          correlationId: `corr-${k}`,
          causationId: `cmd-${k}`,
          occurredAt: '2026-01-01T00:00:00.000Z',
          schemaVersion: 1,
          actor: 'bench',
        },
      };
    });
    batches.push({ stream: `execution-${k % STREAMS}`, events });
  }
  return batches;
}

/** Events per second of `work`, which handles `events` events. */
async function rate(events: number, work: () => unknown): Promise<number> {
  const t0 = performance.now();
  await work();
  return events / ((performance.now() - t0) / 1000);
}

async function adapterAppend(path: string, batches: Batch[]): Promise<number> {
  const store = SqliteEventStore.open(path, { synchronous: SYNC });
  const revisions = new Map<string, ExpectedRevision>();
  const r = await rate(batches.length * batches[0]!.events.length, async () => {
    for (const { stream, events } of batches) {
      const res = await store.appendToStream(stream, events, {
        expectedRevision: revisions.get(stream) ?? 'no_stream',
      });
      revisions.set(stream, res.nextExpectedRevision);
    }
  });
  await store.close();
  return r;
}

async function rawAppend(path: string, batches: Batch[]): Promise<number> {
  const db = new Database(path);
  initialize(db, SYNC);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Map<string, bigint>();
  const append = db.transaction((stream: string, events: NewEvent[]) => {
    let rev = revisions.get(stream) ?? -1n;
    for (const e of events)
      insert.run(stream, (rev += 1n), e.metadata.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
    revisions.set(stream, rev);
  });
  const r = await rate(batches.length * batches[0]!.events.length, () => {
    for (const { stream, events } of batches) append.immediate(stream, events);
  });
  db.close();
  return r;
}

async function adapterRead(path: string): Promise<number> {
  const store = SqliteEventStore.open(path, { synchronous: SYNC });
  let count = 0;
  const r = await rate(EVENTS, async () => {
    for (let from = 0n; ;) {
      const page = await store.readAll({ fromPosition: from, limit: PAGE });
      if (page.length === 0) break;
      count += page.length;
      from = page[page.length - 1]!.position;
    }
  });
  await store.close();
  if (count !== EVENTS) throw new Error(`adapter read ${count} events, expected ${EVENTS}`);
  return r;
}

/** The baseline still parses the JSON columns: events nobody can use are not a fair comparison. */
async function rawRead(path: string): Promise<number> {
  const db = new Database(path, { readonly: true });
  db.defaultSafeIntegers(true);
  const select = db.prepare<[bigint, number], { position: bigint; data: string; metadata: string }>(
    'SELECT position, stream_id, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  let count = 0;
  const r = await rate(EVENTS, () => {
    for (let from = 0n; ;) {
      const rows = select.all(from, PAGE);
      if (rows.length === 0) break;
      for (const row of rows) {
        JSON.parse(row.data);
        JSON.parse(row.metadata);
      }
      count += rows.length;
      from = rows[rows.length - 1]!.position;
    }
  });
  db.close();
  if (count !== EVENTS) throw new Error(`raw read ${count} events, expected ${EVENTS}`);
  return r;
}

async function main(): Promise<void> {
  const scenarios = {
    append1: {
      label: `append, 1 event per append (${EVENTS} appends, ${STREAMS} streams)`,
      ours: [] as number[],
      raw: [] as number[],
    },
    append10: {
      label: `append, 10 events per append (${EVENTS / 10} appends, ${STREAMS} streams)`,
      ours: [] as number[],
      raw: [] as number[],
    },
    readAll: { label: `readAll, pages of ${PAGE} (${EVENTS} events)`, ours: [] as number[], raw: [] as number[] },
  };
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-stores-'));
  try {
    // Warm-up so the first measured run does not pay for JIT compilation.
    await adapterAppend(join(dir, 'warm-a.db'), makeBatches('warm', 2_000, 1));
    await rawAppend(join(dir, 'warm-r.db'), makeBatches('warm', 2_000, 1));
    for (let run = 0; run < RUNS; run++) {
      const ones = makeBatches(`r${run}`, EVENTS, 1);
      const tens = makeBatches(`r${run}`, EVENTS, 10);
      const file = (name: string): string => join(dir, `run${run}-${name}.db`);
      scenarios.append1.ours.push(await adapterAppend(file('a1'), ones));
      scenarios.append1.raw.push(await rawAppend(file('r1'), ones));
      scenarios.append10.ours.push(await adapterAppend(file('a10'), tens));
      scenarios.append10.raw.push(await rawAppend(file('r10'), tens));
      scenarios.readAll.ours.push(await adapterRead(file('a1')));
      scenarios.readAll.raw.push(await rawRead(file('a1')));
      process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const machine = machineInfo();
  const results = Object.fromEntries(
    Object.entries(scenarios).map(([key, s]) => {
      const ours = median(s.ours);
      const raw = median(s.raw);
      return [
        key,
        {
          label: s.label,
          oursEventsPerSec: Math.round(ours),
          rawEventsPerSec: Math.round(raw),
          ratio: +(ours / raw).toFixed(3),
          oursRuns: s.ours.map(Math.round),
          rawRuns: s.raw.map(Math.round),
        },
      ];
    }),
  );
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const lines = [
    `## Event store throughput, synchronous=${SYNC} — \`npm run bench:stores\``,
    '',
    `SQLite file, WAL, synchronous=${SYNC}; ${EVENTS} events over ${STREAMS} streams; median of ${RUNS} runs; ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}.`,
    '',
    '| scenario | SqliteEventStore events/s | raw better-sqlite3 events/s | adapter / raw |',
    '|---|---:|---:|---:|',
    ...Object.values(results).map(
      (r) => `| ${r.label} | ${fmt(r.oursEventsPerSec)} | ${fmt(r.rawEventsPerSec)} | ${r.ratio.toFixed(2)} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}`);
  writeSection(`10-store-throughput-${SYNC.toLowerCase()}`, lines.join('\n'));
  const out = join(process.cwd(), 'bench', 'results', `store-throughput-${SYNC.toLowerCase()}.json`);
  mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, events: EVENTS, streams: STREAMS, results }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
}

await main();
