import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  fileContent,
  GOOD_YAML,
  withBytes,
  withYaml,
  type BrokenFixture,
  type FixtureContext,
} from './skill-fixture.js';

const good = (ctx: FixtureContext, name = ctx.dir.split('/').pop() ?? '') => fileContent(name, GOOD_YAML);
const asRoot = (): boolean => process.getuid?.() === 0;
const both =
  (...setups: BrokenFixture['setup'][]): BrokenFixture['setup'] =>
  async (ctx) => {
    for (const setup of setups) await setup(ctx);
  };

/** Deterministic "random" bytes (a tiny LCG) so the binary fixture is the same on every run. */
function pseudoRandomBytes(length: number, seed = 42): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out[i] = (state >>> 16) & 0xff;
  }
  out[7] = 0; // make sure there is a NUL even if the generator never produced one
  return out;
}

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Encoding, size and file-system shaped problems: binary, symlinks, loops, FIFOs, permissions. */
export const FILE_FIXTURES: BrokenFixture[] = [
  { name: 'binary_random', code: 'SKILL_BINARY', reason: /NUL byte/, setup: withBytes(pseudoRandomBytes(4096)) },
  {
    name: 'binary_utf16',
    code: 'SKILL_BINARY',
    setup: withBytes(Buffer.from(`\ufeff${fileContent('binary_utf16', GOOD_YAML)}`, 'utf16le')),
  },
  {
    name: 'utf8_invalid',
    code: 'SKILL_BINARY',
    line: 3,
    reason: /not valid UTF-8/,
    setup: withBytes(
      Buffer.concat([
        Buffer.from('---\nname: utf8_invalid\ndescription: caf'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('\n---\n'),
      ]),
    ),
  },
  {
    name: 'utf8_latin1',
    code: 'SKILL_BINARY',
    line: 5,
    setup: withBytes(
      Buffer.concat([Buffer.from(fileContent('utf8_latin1', GOOD_YAML, 'Caf')), Buffer.from([0xe9, 0x0a])]),
    ),
  },
  {
    name: 'utf8_overlong',
    code: 'SKILL_BINARY',
    setup: withBytes(Buffer.concat([Buffer.from(fileContent('utf8_overlong', GOOD_YAML)), Buffer.from([0xc0, 0xaf])])),
  },
  {
    name: 'nul_in_body',
    code: 'SKILL_BINARY',
    line: 6,
    setup: withYaml('name: $NAME\ndescription: d', 'Body\nwith a \u0000 byte\n'),
  },
  {
    name: 'too_large',
    code: 'SKILL_TOO_LARGE',
    reason: /307200 bytes/,
    setup: async (ctx) => {
      const head = good(ctx);
      await withBytes(head + 'x'.repeat(300 * 1024 - Buffer.byteLength(head)))(ctx);
    },
  },
  {
    name: 'dir_named_skill_md',
    code: 'SKILL_UNREADABLE',
    reason: /directory/,
    setup: async (ctx) => {
      await mkdir(join(ctx.dir, 'SKILL.md'), { recursive: true });
    },
  },
  {
    name: 'fifo_skill_md',
    code: 'SKILL_UNREADABLE',
    reason: /not a regular file/,
    skipReason: () => (hasMkfifo() ? null : 'mkfifo is not installed'),
    setup: async (ctx) => {
      await mkdir(ctx.dir, { recursive: true });
      execFileSync('mkfifo', [join(ctx.dir, 'SKILL.md')]);
    },
  },
  {
    name: 'file_symlink',
    code: 'SKILL_SYMLINK_ESCAPE',
    reason: /symbolic link/,
    setup: async (ctx) => {
      await mkdir(ctx.dir, { recursive: true });
      await writeFile(join(ctx.dir, 'real.md'), good(ctx));
      await symlink('real.md', join(ctx.dir, 'SKILL.md'));
    },
  },
  {
    name: 'file_symlink_outside',
    code: 'SKILL_SYMLINK_ESCAPE',
    setup: async (ctx) => {
      await mkdir(ctx.dir, { recursive: true });
      await writeFile(join(ctx.outside, 'file_symlink_outside.md'), good(ctx));
      await symlink(join(ctx.outside, 'file_symlink_outside.md'), join(ctx.dir, 'SKILL.md'));
    },
  },
  {
    name: 'file_symlink_dangling',
    code: 'SKILL_SYMLINK_ESCAPE',
    setup: async (ctx) => {
      await mkdir(ctx.dir, { recursive: true });
      await symlink('nowhere.md', join(ctx.dir, 'SKILL.md'));
    },
  },
  {
    name: 'file_symlink_to_etc_passwd',
    code: 'SKILL_SYMLINK_ESCAPE',
    setup: async (ctx) => {
      await mkdir(ctx.dir, { recursive: true });
      await symlink('/etc/passwd', join(ctx.dir, 'SKILLz.md'));
    },
  },
  {
    name: 'folder_escape',
    code: 'SKILL_SYMLINK_ESCAPE',
    reason: /outside the skills directory/,
    setup: async (ctx) => {
      await mkdir(join(ctx.outside, 'folder_escape'), { recursive: true });
      await writeFile(join(ctx.outside, 'folder_escape', 'SKILL.md'), good(ctx));
      await symlink(join(ctx.outside, 'folder_escape'), ctx.dir);
    },
  },
  { name: 'folder_to_skills_root', code: 'SKILL_SYMLINK_ESCAPE', setup: async (ctx) => symlink('.', ctx.dir) },
  { name: 'folder_to_parent', code: 'SKILL_SYMLINK_ESCAPE', setup: async (ctx) => symlink('..', ctx.dir) },
  {
    name: 'folder_loop',
    code: 'SKILL_UNREADABLE',
    reason: /loop/,
    setup: async (ctx) => symlink('folder_loop', ctx.dir),
  },
  {
    name: 'folder_loop_pair',
    code: 'SKILL_UNREADABLE',
    reason: /loop/,
    setup: async (ctx) => {
      await symlink('folder_loop_pair', join(ctx.root, '.loop_partner'));
      await symlink('.loop_partner', ctx.dir);
    },
  },
  {
    name: 'folder_dangling',
    code: 'SKILL_NOT_FOUND',
    reason: /dangling/,
    setup: async (ctx) => symlink('does_not_exist', ctx.dir),
  },
  {
    name: 'folder_empty',
    code: 'SKILL_NOT_FOUND',
    reason: /neither SKILLz.md nor SKILL.md/,
    setup: async (ctx) => mkdir(ctx.dir),
  },
  { name: 'folder_wrong_file_name', code: 'SKILL_NOT_FOUND', setup: withYaml(GOOD_YAML, undefined, 'skill.md') },
  {
    name: 'folder_links_to_file',
    code: 'SKILL_NOT_FOUND',
    setup: async (ctx) => {
      await writeFile(join(ctx.root, '.plain-file'), 'x');
      await symlink('.plain-file', ctx.dir);
    },
  },
  {
    name: 'file_unreadable_eacces',
    code: 'SKILL_UNREADABLE',
    reason: /permission denied/,
    skipReason: () =>
      asRoot() ? 'running as root: chmod 000 does not stop root from reading, so EACCES cannot be produced' : null,
    setup: async (ctx) => {
      await withYaml(GOOD_YAML)(ctx);
      await chmod(join(ctx.dir, 'SKILL.md'), 0o000);
    },
  },
  {
    name: 'z_broken_fallback_ok',
    code: 'SKILL_YAML_INVALID',
    fallbackOk: true,
    setup: both(withYaml('name: [unclosed', undefined, 'SKILLz.md'), withYaml(GOOD_YAML)),
  },
  {
    name: 'z_binary_fallback_ok',
    code: 'SKILL_BINARY',
    fallbackOk: true,
    setup: both(withBytes(pseudoRandomBytes(64), 'SKILLz.md'), withYaml(GOOD_YAML)),
  },
  { name: 'z_broken_no_fallback', code: 'SKILL_FIELD_INVALID', setup: withYaml('name: $NAME', undefined, 'SKILLz.md') },
  {
    name: 'z_and_fallback_broken',
    code: 'SKILL_TOO_LARGE',
    setup: both(withBytes('x'.repeat(300 * 1024), 'SKILLz.md'), withYaml('name: [')),
  },
  { name: 'z_missing_fallback_broken', code: 'SKILL_FRONTMATTER_MISSING', setup: withBytes('no frontmatter here\n') },
  { name: 'Upper_Case', code: 'SKILL_NAME_INVALID', setup: withYaml(GOOD_YAML) },
  { name: 'has space', code: 'SKILL_NAME_INVALID', setup: withYaml(GOOD_YAML) },
  { name: '-leading-dash', code: 'SKILL_NAME_INVALID', setup: withYaml(GOOD_YAML) },
  { name: 'n'.repeat(65), code: 'SKILL_NAME_INVALID', setup: withYaml(GOOD_YAML) },
];
