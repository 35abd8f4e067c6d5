import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, bootRuntime } from '../src/index.js';

describe('store URLs at start', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wre-stores-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops with STORE_UNAVAILABLE naming the store, never the password, when a server cannot be reached', async () => {
    const config = loadConfig(
      { WRE_EVENT_STORE: 'postgres://wre:s3cret@127.0.0.1:1/test', WRE_WORKSPACE: join(dir, 'ws') },
      dir,
    );
    const failure = await bootRuntime(config, { builtins: false }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(failure).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining('postgres://***@127.0.0.1:1/test'),
    });
    expect(failure!.message).not.toContain('s3cret');
  });
});
