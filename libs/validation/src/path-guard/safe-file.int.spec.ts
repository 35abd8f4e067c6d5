import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile, readdir, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdirInside } from './strict-descend.js';
import { readFileInside, removeFileInside, writeFileInside } from './safe-file.js';

describe('safe write/read/remove inside the workspace', () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'wre-safe-')));
    root = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    await mkdir(root);
    await mkdir(outside);
    await writeFile(path.join(outside, 'target.txt'), 'original');
    await symlink(outside, path.join(root, 'dirlink'));
    await symlink(path.join(outside, 'target.txt'), path.join(root, 'filelink.txt'));
    await symlink(path.join(outside, 'new.txt'), path.join(root, 'dangling.txt'));
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('creates nested directories and files, replaces or appends content', async () => {
    expect(await mkdirInside(root, 'a/b/c')).toBe(path.join(root, 'a/b/c'));
    const written = await writeFileInside(root, 'x/y/z.txt', 'one');
    expect(written).toBe(path.join(root, 'x/y/z.txt'));
    await writeFileInside(root, 'x/y/z.txt', 'two');
    await writeFileInside(root, 'x/y/z.txt', '+three', { append: true });
    expect(await readFile(written, 'utf8')).toBe('two+three');
    expect((await readFileInside(root, 'x/y/z.txt')).toString()).toBe('two+three');
  });

  it('refuses to write, create or read through a symlinked directory, even one created ahead of time', async () => {
    await expect(writeFileInside(root, 'dirlink/evil.txt', 'x')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(mkdirInside(root, 'dirlink/sub')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    await expect(readFileInside(root, 'dirlink/target.txt')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    expect(await readdir(outside)).toEqual(['target.txt']);
  });

  it('refuses to open a final component that is a symlink (live or dangling) and leaves the target alone', async () => {
    await expect(writeFileInside(root, 'filelink.txt', 'pwned')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(writeFileInside(root, 'dangling.txt', 'pwned')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(readFileInside(root, 'filelink.txt')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    expect(await readFile(path.join(outside, 'target.txt'), 'utf8')).toBe('original');
    expect(await readdir(outside)).toEqual(['target.txt']);
  });

  it('refuses lexical escapes and the root itself as a file', async () => {
    await expect(writeFileInside(root, '../outside/target.txt', 'x')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(writeFileInside(root, '.', 'x')).rejects.toMatchObject({ code: 'PATH_INVALID' });
    await expect(writeFileInside(root, 'a%2f..%2fb', 'x')).rejects.toMatchObject({ code: 'PATH_INVALID' });
  });

  it('reports missing and oversized files with their own codes', async () => {
    await expect(readFileInside(root, 'nope.txt')).rejects.toMatchObject({ code: 'PATH_NOT_FOUND' });
    await writeFileInside(root, 'big.txt', 'x'.repeat(100));
    await expect(readFileInside(root, 'big.txt', 10)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('removes regular files only, is idempotent, and never removes through symlinks', async () => {
    await writeFileInside(root, 'old/file.bak', 'x');
    expect(await removeFileInside(root, 'old/file.bak')).toBe(true);
    expect(await removeFileInside(root, 'old/file.bak')).toBe(false);
    await expect(removeFileInside(root, 'filelink.txt')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_WORKSPACE' });
    await expect(removeFileInside(root, 'dirlink/target.txt')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(removeFileInside(root, 'old')).rejects.toMatchObject({ code: 'PATH_INVALID' });
    expect((await lstat(path.join(root, 'filelink.txt'))).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(outside, 'target.txt'), 'utf8')).toBe('original');
  });
});
