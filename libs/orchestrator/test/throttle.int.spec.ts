import { mkdtempSync, rmSync } from 'node:fs';
import { executionStream } from '#domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toRuntimePlugin } from '#plugins';
import type { ProtocolDefinition } from '#validation';
import {
  loadConfig,
  bootRuntime,
  closeRuntime,
  executeOperation,
  registerPlugin,
  rebuildProjections,
  readModelDigest,
} from '../src/index.js';
import { recallStats } from '#projections';

const limit: ProtocolDefinition = {
  id: 'ACME-1',
  title: 'Echo at most twice an hour',
  source: 'test',
  rules: [{ id: 'echo-rate', kind: 'rate-limit', max: 2, windowMs: 3_600_000, when: { operationTypes: ['echo'] } }],
};
const echo = { operationTypes: ['echo'], execute: (task: Record<string, unknown>) => ({ echoed: task.text ?? null }) };

describe('throttle: rate limits from events, THROTTLED status, force', () => {
  let dir: string;
  const config = () =>
    loadConfig(
      {
        WRE_EVENT_STORE: `sqlite:${join(dir, 'e.db')}`,
        WRE_PATTERN_MEMORY_DB: join(dir, 'r.db'),
        WRE_WORKSPACE: join(dir, 'ws'),
      },
      dir,
    );
  const open = async () => {
    const rt = await bootRuntime(config(), { builtins: false, protocols: [limit] });
    await registerPlugin(rt, toRuntimePlugin(echo, 'echo'));
    return rt;
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wre-throttle-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('throttles the third request, records it, lets force through as forced, and remembers after a restart', async () => {
    const rt = await open();
    const run = (params: object, force = false) => executeOperation(rt, { type: 'echo', params, force });
    try {
      expect((await run({ text: 'a' })).status).toBe('SUCCEEDED');
      const second = await run({ text: 'b' });
      expect(second).toMatchObject({
        status: 'SUCCEEDED',
        citations: expect.arrayContaining(['ACME-1/echo-rate', 'WSP-50/tool-exists', 'WSP-82/citation-chain']),
      });
      expect(second.citations[0]).toBe('ACME-1/echo-rate');

      const third = await run({ text: 'c' });
      expect(third).toMatchObject({
        status: 'THROTTLED',
        steps: [],
        error: { code: 'THROTTLED' },
        citations: ['ACME-1/echo-rate'],
        throttle: { ruleId: 'ACME-1/echo-rate', reason: '2 executions in the last 3600000 ms reach the limit of 2' },
      });
      expect(third.throttle!.retryAfterMs).toBeGreaterThan(3_500_000);
      expect((await rt.store.readStream(executionStream(third.id))).map((e) => e.type)).toEqual(['OperationThrottled']);

      const forced = await run({ text: 'd' }, true);
      expect(forced).toMatchObject({ status: 'SUCCEEDED', forced: { ruleId: 'ACME-1/echo-rate' } });
      expect((await rt.store.readStream(executionStream(forced.id)))[0]).toMatchObject({
        type: 'OperationRequested',
        data: { force: true, throttleOverride: { ruleId: 'ACME-1/echo-rate' } },
      });
      expect((await recallStats(rt.readModel, null)).byOperationType).toEqual([
        expect.objectContaining({ operationType: 'echo', executions: 3, throttled: 1 }),
      ]);
    } finally {
      await closeRuntime(rt);
    }

    // Counts come from the log, so a new process throttles exactly as the old one would have.
    const again = await open();
    try {
      expect((await executeOperation(again, { type: 'echo', params: { text: 'e' } })).status).toBe('THROTTLED');
      const before = await readModelDigest(again.readModel, again.projections);
      await rebuildProjections(again);
      expect(await readModelDigest(again.readModel, again.projections)).toBe(before);
      expect((await executeOperation(again, { type: 'echo', params: { text: 'f' } })).status).toBe('THROTTLED');
    } finally {
      await closeRuntime(again);
    }
  });

  it('decides concurrent requests one at a time: exactly the limit gets through', async () => {
    const rt = await open();
    try {
      const runs = await Promise.all(
        Array.from({ length: 8 }, (_, i) => executeOperation(rt, { type: 'echo', params: { text: `p${i}` } })),
      );
      const statuses = runs.map((r) => r.status).sort();
      expect(statuses).toEqual(['SUCCEEDED', 'SUCCEEDED', ...Array(6).fill('THROTTLED')]);
    } finally {
      await closeRuntime(rt);
    }
  });

  it('answers a resent throttled request with the same execution and writes nothing', async () => {
    const rt = await open();
    try {
      for (const t of ['a', 'b']) await executeOperation(rt, { type: 'echo', params: { text: t } });
      const first = await executeOperation(rt, { type: 'echo', params: { text: 'c' }, commandId: 'cmd-c' });
      const head = await rt.store.headPosition();
      const resent = await executeOperation(rt, { type: 'echo', params: { text: 'c' }, commandId: 'cmd-c' });
      expect(resent).toEqual(first);
      expect(await rt.store.headPosition()).toBe(head);
    } finally {
      await closeRuntime(rt);
    }
  });
});
