import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateStep, ProtocolSet, type ProtocolDefinition } from './index.js';
import { stepCheck } from './testing/step-check.fixture.js';

describe('path rules against a real workspace', () => {
  let base: string;
  let root: string;
  const builtins = ProtocolSet.compile();
  const check = (tool: string, args: Record<string, string | string[]>, over = {}) =>
    evaluateStep(builtins.stepRules, stepCheck({ tool, args }, { workspaceRoot: root, ...over }));

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'wre-path-rules-'));
    root = join(base, 'ws');
    mkdirSync(join(root, 'modules', 'core', 'auth'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'secret'), 'x');
    symlinkSync(join(base, 'outside'), join(root, 'escape'));
    symlinkSync(join(root, 'modules'), join(root, 'mods'));
    mkdirSync(join(root, '.git'));
    symlinkSync(join(root, '.git'), join(root, 'gitlink'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('allows workspace paths, including through an inside symlink and not-yet-existing files', () => {
    expect(check('write_file', { path: 'modules/core/auth/README.md' }).allowed).toBe(true);
    expect(
      check('write_file', { path: 'mods/core/auth/new/file.md' }, { operation: { type: 'other', params: {} } }).allowed,
    ).toBe(true);
  });

  it.each([
    ['../outside/secret', "'..' escapes the workspace"],
    ['/etc/passwd', 'absolute paths are not allowed'],
    ['escape/secret', 'resolves outside the workspace through a symlink'],
    ['a\u0000b', 'NUL'],
    ['%2e%2e/x', 'percent-encoded'],
    ['C:/Windows', 'drive letters'],
  ])('denies %j under WSP-64/path-containment', (path, fragment) => {
    const v = check('write_file', { path }, { operation: { type: 'other', params: {} } });
    expect(v).toMatchObject({ allowed: false, deniedBy: 'WSP-64/path-containment' });
    expect(v.reason).toContain(fragment);
  });

  it('checks every path-like argument: arrays, *_path names and format: "path" properties', () => {
    const other = { operation: { type: 'other', params: {} } };
    expect(check('copy', { from: 'modules/core', to: 'escape/x' }, other)).toMatchObject({
      deniedBy: 'WSP-64/path-containment',
      reason: expect.stringContaining('to "escape/x"'),
    });
    expect(check('write_file', { path: 'ok.md', files: ['a', '../b'] } as never, other)).toMatchObject({
      deniedBy: 'WSP-64/path-containment',
    });
  });

  it('finds paths nested in objects and arrays, under unconventional keys, and anything that reads as an escape', () => {
    const other = { operation: { type: 'other', params: {} } };
    for (const args of [
      { folder: '../../etc' },
      { to: '/etc/passwd' },
      { filename: '/etc/passwd' },
      { options: { path: '/etc/passwd' } },
      { files: [{ path: 'escape/secret' }] },
      { x: 'C:\\Windows' },
    ]) {
      expect(check('write_file', { path: 'ok.md', ...args } as never, other)).toMatchObject({
        allowed: false,
        deniedBy: 'WSP-64/path-containment',
      });
    }
    // Prose and file contents are not paths, even when they mention one.
    expect(
      check('write_file', { path: 'ok.md', content: '/** see ../docs and /etc for details */' }, other).allowed,
    ).toBe(true);
  });

  it('keeps destructive tools off the workspace root and protected paths', () => {
    const other = { operation: { type: 'cleanup', params: {} } };
    expect(check('remove_dir', { path: '.' }, other)).toMatchObject({
      deniedBy: 'WSP-64/destructive-guard',
      reason: expect.stringContaining('workspace root'),
    });
    expect(check('delete_files', { root: '.git/objects' }, other)).toMatchObject({
      deniedBy: 'WSP-64/destructive-guard',
      reason: expect.stringContaining('".git"'),
    });
    expect(check('delete_files', { root: '.', pattern: '*.bak' }, other).allowed).toBe(true);
    // Through a symlink, in another case, or by a glob's base directory: still the protected path.
    expect(check('remove_dir', { path: 'gitlink/HEAD' }, other)).toMatchObject({
      deniedBy: 'WSP-64/destructive-guard',
      reason: expect.stringContaining('".git"'),
    });
    expect(check('remove_dir', { path: '.GIT/HEAD' }, other)).toMatchObject({ deniedBy: 'WSP-64/destructive-guard' });
    expect(check('delete_files', { root: '.', pattern: 'protocols/**' }, other)).toMatchObject({
      deniedBy: 'WSP-64/destructive-guard',
      reason: expect.stringContaining('"protocols"'),
    });
    expect(check('remove_dir', { path: 'modules/core/auth' }, other).allowed).toBe(true);
  });

  it('holds module creation to modules/<domain>/<name>/ (WSP-3)', () => {
    expect(check('write_file', { path: 'modules/core/README.md' })).toMatchObject({ deniedBy: 'WSP-3/module-layout' });
    expect(check('write_file', { path: 'modules/Core/auth/x' })).toMatchObject({
      deniedBy: 'WSP-3/module-layout',
      reason: expect.stringContaining('domain "Core"'),
    });
    expect(check('write_file', { path: 'docs/x.md' }).allowed).toBe(true);
  });

  it('lets a protocol list the argument names it treats as paths', () => {
    const p: ProtocolDefinition = {
      id: 'ACME-7',
      title: 'a',
      source: 't',
      rules: [{ id: 'paths', kind: 'path-containment', args: ['content'] }],
    };
    const set = ProtocolSet.compile([p]);
    const v = evaluateStep(
      set.stepRules,
      stepCheck(
        { tool: 'write_file', args: { path: 'docs/a', content: 'escape/secret' } },
        { workspaceRoot: root, operation: { type: 'o', params: {} } },
      ),
    );
    expect(v).toMatchObject({ deniedBy: 'ACME-7/paths' });
  });
});
