import { join } from 'node:path';
import type { NewEvent, RecordedEvent } from '#kernel';
import type { EventStore } from '#stores/event-store';
import { bootRuntime, closeRuntime, executeOperation, loadConfig, registerPlugin } from '#orchestrator';
import { toRuntimePlugin } from '#plugins';
import { BenchPlugin } from '../lib/bench-plugin.js';

/** A realistic log: executions of a 3-step plugin (computed and recalled) through the real core, in `dir`/log.db. */
export async function executionLog(dir: string, executions: number): Promise<RecordedEvent[]> {
  const rt = await bootRuntime(
    loadConfig(
      {
        WRE_EVENT_STORE: `sqlite:${join(dir, 'log.db')}`,
        WRE_PATTERN_MEMORY_DB: ':memory:',
        WRE_WORKSPACE: join(dir, 'ws'),
        WRE_SQLITE_SYNCHRONOUS: 'normal',
      },
      dir,
    ),
    { builtins: false },
  );
  try {
    await registerPlugin(rt, toRuntimePlugin(new BenchPlugin()));
    // Every tenth operation has a param key of its own (computed); the others share one shape, recalled once two
    // computed examples confirmed its pattern (see core.bench.ts).
    for (let i = 0; i < executions; i++)
      await executeOperation(rt, {
        type: 'bench_op',
        params: i % 10 === 0 ? { name: `n${i}`, [`k${i}`]: i } : { name: `n${i}` },
      });
    const out: RecordedEvent[] = [];
    for (let from = 0n; ;) {
      const page = await rt.store.readAll({ fromPosition: from, limit: 1000 });
      if (page.length === 0) return out;
      out.push(...page);
      from = page[page.length - 1]!.position;
    }
  } finally {
    await closeRuntime(rt);
  }
}

export async function copyLog(events: readonly RecordedEvent[], into: EventStore): Promise<void> {
  for (const e of events) {
    const { type, data, metadata } = e;
    await into.appendToStream(e.streamId, [{ type, data, metadata } as NewEvent], {
      expectedRevision: e.revision === 0n ? 'no_stream' : e.revision - 1n,
    });
  }
}
