import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RuntimePlugin, StepContext } from '../../plugin.types.js';
import { toRuntimePlugin } from '../../sdk/to-runtime-plugin.js';
import { planAndRun, tempWorkspace } from '../shared/testing/run-plan.js';
import { DEFAULT_TEXT_EXTENSIONS, Utf8RemediatorPlugin } from './utf8-remediator.plugin.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LATIN1_CAFE = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]); // café “q” in Windows-1252
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xe9]);

describe('utf8_remediator on a real workspace', () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let plugin: RuntimePlugin;
  const put = async (rel: string, bytes: Buffer) => {
    await mkdir(path.dirname(path.join(ws.root, rel)), { recursive: true });
    await writeFile(path.join(ws.root, rel), bytes);
  };
  const read = (rel: string) => readFile(path.join(ws.root, rel));

  beforeEach(async () => {
    ws = await tempWorkspace('wre-utf8-');
    plugin = toRuntimePlugin(new Utf8RemediatorPlugin());
    await put('docs/clean.md', Buffer.from('naïve ✓\n'));
    await put('docs/bom.md', Buffer.concat([BOM, Buffer.from('# title\n')]));
    await put('src/legacy.py', LATIN1_CAFE);
    await put('data/blob.json', BINARY);
    await put('notes/other.rst', LATIN1_CAFE);
    await put('node_modules/dep/index.js', LATIN1_CAFE);
    await writeFile(path.join(ws.outside, 'victim.md'), LATIN1_CAFE);
    await symlink(path.join(ws.outside, 'victim.md'), path.join(ws.root, 'docs/link.md'));
  });
  afterEach(() => ws.cleanup());

  it('scans, fixes and validates, leaving clean, binary, unlisted and symlinked files alone', async () => {
    const { plan, outputs } = await planAndRun(plugin, ws.root, 'utf8_remediation', {});
    expect(plan.planner).toBe('deterministic:utf8_remediator');
    expect(plan.steps[0]!.args).toEqual({ root: '.', extensions: DEFAULT_TEXT_EXTENSIONS });
    expect(outputs[0]).toEqual({
      total: 4,
      counts: { utf8: 1, utf8_bom: 1, invalid_utf8: 1, binary: 1, too_large: 0 },
      needsFix: [
        { path: 'docs/bom.md', encoding: 'utf8_bom' },
        { path: 'src/legacy.py', encoding: 'invalid_utf8' },
      ],
      skipped: [{ path: 'data/blob.json', reason: 'binary' }],
    });
    expect(outputs[1]).toMatchObject({
      fixed: [
        { path: 'docs/bom.md', from: 'utf8_bom' },
        { path: 'src/legacy.py', from: 'invalid_utf8' },
      ],
    });
    expect(outputs[2]).toEqual({ clean: true, checked: 4, skipped: [{ path: 'data/blob.json', reason: 'binary' }] });

    expect((await read('docs/bom.md')).toString('utf8')).toBe('# title\n');
    expect((await read('src/legacy.py')).toString('utf8')).toBe('café \u201cq\u201d');
    expect((await read('docs/clean.md')).toString('utf8')).toBe('naïve ✓\n');
    expect(await read('data/blob.json')).toEqual(BINARY);
    expect(await read('notes/other.rst')).toEqual(LATIN1_CAFE);
    expect(await read('node_modules/dep/index.js')).toEqual(LATIN1_CAFE);
    expect(await readFile(path.join(ws.outside, 'victim.md'))).toEqual(LATIN1_CAFE);
  });

  it('limits the work to root and extensions given as params', async () => {
    const { outputs } = await planAndRun(plugin, ws.root, 'utf8_remediation', { root: 'notes', extensions: ['.RST'] });
    expect(outputs[1]).toMatchObject({ fixed: [{ path: 'notes/other.rst', from: 'invalid_utf8' }] });
    expect((await read('notes/other.rst')).toString('utf8')).toBe('café \u201cq\u201d');
    expect(await read('src/legacy.py')).toEqual(LATIN1_CAFE);
  });

  it('fails validation while a file is still not clean, naming it', async () => {
    const ctx: StepContext = {
      executionId: 'e',
      stepIndex: 2,
      workspaceRoot: ws.root,
      operation: { type: 'utf8_remediation', params: {} },
      previousOutputs: [],
    };
    await expect(plugin.runStep({ tool: 'validate_encoding', args: { root: 'src' } }, ctx)).rejects.toMatchObject({
      code: 'ENCODING_VALIDATION_FAILED',
      details: { remaining: [{ path: 'src/legacy.py', encoding: 'invalid_utf8' }] },
    });
  });

  it('refuses escapes in params and roots through symlinks', async () => {
    await expect(plugin.plan!({ type: 'utf8_remediation', params: { extensions: ['md'] } })).rejects.toMatchObject({
      code: 'PARAMS_INVALID',
    });
    await expect(plugin.plan!({ type: 'utf8_remediation', params: { root: '../outside' } })).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await symlink(ws.outside, path.join(ws.root, 'outlink'));
    for (const root of ['../outside', '/etc', 'outlink', 'src\\..\\..']) {
      await expect(planAndRun(plugin, ws.root, 'utf8_remediation', { root })).rejects.toMatchObject({
        code: expect.stringMatching(/^PATH_(OUTSIDE_WORKSPACE|INVALID)$/),
      });
    }
    expect(await readFile(path.join(ws.outside, 'victim.md'))).toEqual(LATIN1_CAFE);
  });
});
