import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonObject } from '#kernel';
import type { RuntimePlugin, StepContext } from '../../plugin.types.js';
import { toRuntimePlugin } from '../../sdk/to-runtime-plugin.js';
import { planAndRun, tempWorkspace } from '../shared/testing/run-plan.js';
import { LegacyCleanerPlugin } from './legacy-cleaner.plugin.js';

const exists = (p: string) =>
  readFile(p).then(
    () => true,
    () => false,
  );

describe('legacy_cleaner on a real workspace', () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let plugin: RuntimePlugin;
  const put = async (rel: string, content = rel) => {
    await mkdir(path.dirname(path.join(ws.root, rel)), { recursive: true });
    await writeFile(path.join(ws.root, rel), content);
  };

  beforeEach(async () => {
    ws = await tempWorkspace('wre-cleaner-');
    plugin = toRuntimePlugin(new LegacyCleanerPlugin());
    await put('a.bak');
    await put('src/deep/b.bak');
    await put('src/keep.ts');
    await put('.git/HEAD.bak');
    await put('archive/cleanup/old/z.bak');
    await writeFile(path.join(ws.outside, 'secret.bak'), 'secret');
    await symlink(path.join(ws.outside, 'secret.bak'), path.join(ws.root, 'link.bak'));
    await symlink(ws.outside, path.join(ws.root, 'linkdir'));
  });
  afterEach(() => ws.cleanup());

  it('scans, archives, deletes and logs exactly the matching regular files', async () => {
    const { plan, outputs } = await planAndRun(plugin, ws.root, 'cleanup_legacy', { pattern: '*.bak' });
    expect(plan.planner).toBe('deterministic:legacy_cleaner');
    expect(plan.steps.map((s) => s.tool)).toEqual(['scan_files', 'archive_files', 'delete_files', 'write_cleanup_log']);
    expect(plan.steps[0]!.args).toEqual({ pattern: '*.bak', root: '.', archiveDir: 'archive/cleanup' });

    expect(outputs[0]).toEqual(['a.bak', 'src/deep/b.bak']);
    expect(outputs[2]).toEqual({ deleted: ['a.bak', 'src/deep/b.bak'], missing: [] });
    expect(await exists(path.join(ws.root, 'a.bak'))).toBe(false);
    expect(await readFile(path.join(ws.root, 'archive/cleanup/src/deep/b.bak'), 'utf8')).toBe('src/deep/b.bak');
    expect(await readFile(path.join(ws.root, 'archive/cleanup/a.bak'), 'utf8')).toBe('a.bak');
    // Untouched: non-matching, .git, the archive, the symlink and what it points to.
    for (const kept of ['src/keep.ts', '.git/HEAD.bak', 'archive/cleanup/old/z.bak', 'link.bak'])
      expect(await exists(path.join(ws.root, kept))).toBe(true);
    expect(await readFile(path.join(ws.outside, 'secret.bak'), 'utf8')).toBe('secret');

    const log = await readFile(path.join(ws.root, 'archive/cleanup/cleanup.log'), 'utf8');
    expect(log.split('\n')).toEqual([
      expect.stringContaining('pattern="*.bak"'),
      'removed a.bak',
      'removed src/deep/b.bak',
      '',
    ]);
    expect(outputs[3]).toEqual({ log: 'archive/cleanup/cleanup.log', entries: 2 });
  });

  it('honours root and an anchored ** pattern, and a second run finds nothing and appends to the log', async () => {
    await put('legacy/x/y/c.old');
    await put('legacy/d.old');
    await put('other/e.old');
    const params = { pattern: 'x/**/*.old', root: 'legacy', archiveDir: 'attic' };
    const first = await planAndRun(plugin, ws.root, 'cleanup_legacy', params);
    expect(first.outputs[0]).toEqual(['legacy/x/y/c.old']);
    expect(await readdir(path.join(ws.root, 'attic/legacy/x/y'))).toEqual(['c.old']);
    expect(await exists(path.join(ws.root, 'legacy/d.old'))).toBe(true);
    const second = await planAndRun(plugin, ws.root, 'cleanup_legacy', params);
    expect(second.outputs[0]).toEqual([]);
    expect((await readFile(path.join(ws.root, 'attic/cleanup.log'), 'utf8')).match(/^# execution/gm)).toHaveLength(2);
  });

  it('refuses escapes in params at plan time', async () => {
    const cases: JsonObject[] = [
      { pattern: '../*.bak' },
      { pattern: '*.bak', root: '../outside' },
      { pattern: '*.bak', archiveDir: '/tmp/x' },
      { pattern: '*.bak', archiveDir: '.' },
      { pattern: '*.bak', root: 'a%2f..' },
    ];
    for (const params of cases) {
      await expect(plugin.plan!({ type: 'cleanup_legacy', params })).rejects.toMatchObject({
        code: expect.stringMatching(/^(PARAMS_INVALID|PATH_OUTSIDE_WORKSPACE|PATH_INVALID)$/),
      });
    }
  });

  it('refuses a scan root through a symlink, file lists outside the selection, and deleting without an archive copy', async () => {
    const ctx = (previousOutputs: StepContext['previousOutputs'] = []): StepContext => ({
      executionId: 'e',
      stepIndex: 1,
      workspaceRoot: ws.root,
      operation: { type: 'cleanup_legacy', params: {} },
      previousOutputs,
    });
    await expect(
      plugin.runStep({ tool: 'scan_files', args: { pattern: '*.bak', root: 'linkdir' } }, ctx()),
    ).rejects.toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    await expect(
      plugin.runStep({ tool: 'delete_files', args: { pattern: '*.bak', files: ['src/keep.ts'] } }, ctx()),
    ).rejects.toMatchObject({ code: 'FILE_NOT_SELECTED' });
    await expect(
      plugin.runStep({ tool: 'delete_files', args: { pattern: '*.bak' } }, ctx([['archive/cleanup/old/z.bak']])),
    ).rejects.toMatchObject({ code: 'FILE_NOT_SELECTED' });
    await expect(
      plugin.runStep({ tool: 'delete_files', args: { pattern: '*.bak', files: ['../outside/secret.bak'] } }, ctx()),
    ).rejects.toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    await expect(
      plugin.runStep({ tool: 'delete_files', args: { pattern: '*.bak' } }, ctx([['a.bak']])),
    ).rejects.toMatchObject({ code: 'NOT_ARCHIVED' });
    expect(await exists(path.join(ws.root, 'a.bak'))).toBe(true);
    expect(await exists(path.join(ws.root, 'src/keep.ts'))).toBe(true);
  });
});
