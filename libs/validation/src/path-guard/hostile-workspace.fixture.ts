import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temp workspace next to an "outside" directory the guard must never reach. */
export interface HostileWorkspace {
  base: string;
  root: string;
  outside: string;
  cleanup(): Promise<void>;
}

/** Names of entries in the workspace root that are symlinks, for generators that want to aim at them. */
export const SYMLINK_NAMES = [
  'escape',
  'escape_file',
  'up_link',
  'inner_link',
  'dangling',
  'loop_a',
  'loop_b',
  'self_loop',
];

/**
 * Builds base/{ws,outside,modules}. `base/modules/general/new_module` is a decoy with the same relative
 * shape as the real module, so a guard that collapses `escape/..` lexically while the kernel follows the
 * link would "validate" one directory and hand the caller the other.
 */
export async function createHostileWorkspace(prefix: string): Promise<HostileWorkspace> {
  const base = await realpath(await mkdtemp(path.join(tmpdir(), prefix)));
  const root = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  const inRoot = (rel: string): string => path.join(root, rel);

  await mkdir(inRoot('modules/general/new_module'), { recursive: true });
  await mkdir(inRoot('a/b'), { recursive: true });
  await mkdir(inRoot('....'));
  await writeFile(inRoot('modules/general/a_file'), 'x');
  await writeFile(inRoot('a/file.txt'), 'x');
  await writeFile(inRoot('file.txt'), 'x');
  await mkdir(path.join(outside, 'general/evil'), { recursive: true });
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  await mkdir(path.join(base, 'modules/general/new_module'), { recursive: true });

  await symlink(outside, inRoot('escape'));
  await symlink(path.join(outside, 'secret.txt'), inRoot('escape_file'));
  // Relative target: the kernel reads it against the link's own directory, one level above the root.
  await symlink('..', inRoot('up_link'));
  await symlink(inRoot('modules'), inRoot('inner_link'));
  await symlink(inRoot('modules/general'), inRoot('modules/alias_domain'));
  await symlink(path.join(outside, 'general'), inRoot('modules/linked'));
  await symlink(path.join(base, 'nowhere'), inRoot('dangling'));
  await symlink(inRoot('loop_b'), inRoot('loop_a'));
  await symlink(inRoot('loop_a'), inRoot('loop_b'));
  await symlink('self_loop', inRoot('self_loop'));

  return { base, root, outside, cleanup: () => rm(base, { recursive: true, force: true }) };
}
