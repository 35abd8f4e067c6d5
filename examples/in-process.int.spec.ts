import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runInProcessExample } from './in-process.js';

describe("the README's in-process example", () => {
  it('plans the first greeting (150 tokens) and recalls the second with the new name (0 tokens)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wre-example-'));
    try {
      const env = { WRE_EVENT_STORE: `sqlite:${join(dir, 'events.db')}`, WRE_PATTERN_MEMORY_DB: join(dir, 'read.db') };
      const r = await runInProcessExample({ env: { ...env, WRE_WORKSPACE: join(dir, 'workspace') } });
      expect(r.computed).toMatchObject({ status: 'SUCCEEDED', recalled: false, planner: 'greeter-v1' });
      expect(r.computed.tokens.total).toBe(150);
      expect(r.computed.result).toEqual({ said: 'Hello, Ada!' });
      expect(r.recalled).toMatchObject({ status: 'SUCCEEDED', recalled: true, planner: 'pattern-memory' });
      expect(r.recalled.tokens.total).toBe(0);
      expect(r.recalled.result).toEqual({ said: 'Hello, Grace!' });
      expect(r.pattern).toMatchObject({ operationType: 'greeting', status: 'ACTIVE' });
      expect(r.plugin).not.toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
