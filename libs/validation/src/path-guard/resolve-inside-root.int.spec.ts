import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveInsideRoot, resolveInsideRootSync } from './resolve-inside-root.js';

describe('resolveInsideRoot (real directories and symlinks)', () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'wre-guard-')));
    root = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    await mkdir(path.join(root, 'modules/general'), { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    await symlink(outside, path.join(root, 'escape'));
    await symlink(path.join(root, 'modules'), path.join(root, 'inner_link'));
    await symlink(path.join(base, 'nowhere'), path.join(root, 'dangling'));
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('resolves existing and not-yet-existing paths inside the root', async () => {
    expect(await resolveInsideRoot(root, 'modules/general')).toBe(path.join(root, 'modules/general'));
    expect(await resolveInsideRoot(root, 'modules/general/new/deep.md')).toBe(
      path.join(root, 'modules/general/new/deep.md'),
    );
    expect(await resolveInsideRoot(root, '.')).toBe(root);
  });

  it('follows a symlink that stays inside and returns the canonical path', async () => {
    expect(await resolveInsideRoot(root, 'inner_link/general/x')).toBe(path.join(root, 'modules/general/x'));
  });

  it('refuses a symlink pointing outside, also for paths below it that do not exist', async () => {
    await expect(resolveInsideRoot(root, 'escape/secret.txt')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(resolveInsideRoot(root, 'escape/new/file.txt')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
  });

  it('refuses a dangling symlink, since creating through it would land wherever it points', async () => {
    await expect(resolveInsideRoot(root, 'dangling')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
      details: expect.objectContaining({ reason: 'dangling or looping symlink' }),
    });
  });

  it('refuses lexical escapes before touching the disk, and a missing or relative root', async () => {
    await expect(resolveInsideRoot(root, '../outside/secret.txt')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(resolveInsideRoot(root, outside)).rejects.toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    await expect(resolveInsideRoot(path.join(base, 'missing'), 'a')).rejects.toMatchObject({ code: 'PATH_INVALID' });
    await expect(resolveInsideRoot('relative/root', 'a')).rejects.toMatchObject({ code: 'PATH_INVALID' });
  });

  it('has a synchronous twin with the same answers and the same refusals', async () => {
    for (const rel of ['modules/general', 'inner_link/general/x', '.', 'escape/secret.txt', 'dangling', '../outside']) {
      const sync = (() => {
        try {
          return resolveInsideRootSync(root, rel);
        } catch (e) {
          return (e as { code: string }).code;
        }
      })();
      expect(sync).toEqual(await resolveInsideRoot(root, rel).catch((e: { code: string }) => e.code));
    }
  });

  it('works when the root itself is reached through a symlink', async () => {
    const alias = path.join(base, 'alias');
    await symlink(root, alias);
    expect(await resolveInsideRoot(alias, 'modules')).toBe(path.join(root, 'modules'));
  });
});
