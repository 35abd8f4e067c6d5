import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSkill, type SkillDefinition, type SkillLoad } from './index.js';

let base = '';
let root = '';

async function put(name: string, content: string | Buffer, file = 'SKILL.md'): Promise<string> {
  await mkdir(join(root, name), { recursive: true });
  await writeFile(join(root, name, file), content);
  return join(root, name, file);
}

function skillOf(result: SkillLoad): SkillDefinition {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.reason}`);
  expect(result.warnings).toEqual([]);
  return result.skill;
}

const doc = (name: string, ...lines: string[]): string =>
  ['---', `name: ${name}`, 'description: Does things.', ...lines, '---', '# Body', ''].join('\n');

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'wre-skills-good-')));
  root = join(base, 'skills');
  await mkdir(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('loadSkill on valid skills', () => {
  it('prefers SKILLz.md over SKILL.md and reports file, format and content hash', async () => {
    await put('both', doc('both').replace('Does things.', 'from SKILL.md'));
    const file = await put('both', doc('both').replace('Does things.', 'from SKILLz.md'), 'SKILLz.md');
    const skill = skillOf(await loadSkill(root, 'both'));
    expect(skill).toEqual({
      name: 'both',
      description: 'from SKILLz.md',
      operationTypes: [],
      allowedTools: null,
      plugin: null,
      throttle: null,
      instructions: '# Body',
      file,
      format: 'SKILLz.md',
      contentHash: createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    });
  });

  it('falls back to SKILL.md when SKILLz.md is absent', async () => {
    await put('only_plain', doc('only_plain'));
    expect(skillOf(await loadSkill(root, 'only_plain')).format).toBe('SKILL.md');
  });

  it('accepts CRLF line endings and a BOM; hashes the raw bytes', async () => {
    const text = `${doc('crlf_bom', 'plugin: p')}\nline two\n`.replaceAll('\n', '\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    await put('crlf_bom', bytes);
    const skill = skillOf(await loadSkill(root, 'crlf_bom'));
    expect(skill).toMatchObject({ plugin: 'p', instructions: '# Body\n\nline two' });
    expect(skill.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads allowed-tools as a list or a comma/space separated string, under all three spellings', async () => {
    await put('tools_string', doc('tools_string', 'allowed-tools: "write_file, create_directory  mcp:fs.read"'));
    await put('tools_list', doc('tools_list', 'allowed_tools: [scan_files]'));
    await put('tools_camel', doc('tools_camel', 'allowedTools: []'));
    await put('tools_blank', doc('tools_blank', 'allowed-tools: ""'));
    await put('tools_null', doc('tools_null', 'allowed-tools:'));
    expect(skillOf(await loadSkill(root, 'tools_string')).allowedTools).toEqual([
      'write_file',
      'create_directory',
      'mcp:fs.read',
    ]);
    expect(skillOf(await loadSkill(root, 'tools_list')).allowedTools).toEqual(['scan_files']);
    expect(skillOf(await loadSkill(root, 'tools_camel')).allowedTools).toEqual([]);
    expect(skillOf(await loadSkill(root, 'tools_blank')).allowedTools).toEqual([]);
    expect(skillOf(await loadSkill(root, 'tools_null')).allowedTools).toBeNull();
  });

  it('converts throttle durations to milliseconds', async () => {
    await put('throttle_a', doc('throttle_a', 'throttle: { max: 10, window: 90s, cooldown: 500 }'));
    await put('throttle_b', doc('throttle_b', 'throttle:', '  max: 1000', '  window: 1d', '  cooldown: 250ms'));
    await put('throttle_c', doc('throttle_c', 'throttle: { max: 1, window: 30s }'));
    expect(skillOf(await loadSkill(root, 'throttle_a')).throttle).toEqual({
      max: 10,
      windowMs: 90_000,
      cooldownMs: 500,
    });
    expect(skillOf(await loadSkill(root, 'throttle_b')).throttle).toEqual({
      max: 1000,
      windowMs: 86_400_000,
      cooldownMs: 250,
    });
    expect(skillOf(await loadSkill(root, 'throttle_c')).throttle).toEqual({ max: 1, windowMs: 30_000 });
  });

  it('accepts operationTypes, ignores unknown keys, treats null optionals as absent, allows small anchors', async () => {
    const extra = [
      'operationTypes: [module_creation, cleanup_legacy]',
      'license: MIT',
      'metadata: { owner: &o platform, backup: *o }',
      'plugin:',
      'throttle: ~',
    ];
    await put('lenient', doc('lenient', ...extra));
    expect(skillOf(await loadSkill(root, 'lenient'))).toMatchObject({
      operationTypes: ['module_creation', 'cleanup_legacy'],
      plugin: null,
      throttle: null,
    });
  });

  it('keeps an empty body, a --- rule inside the body, and a 1024-character description', async () => {
    await put('empty_body', '---\nname: empty_body\ndescription: d\n---\n');
    await put('rule_in_body', `${doc('rule_in_body')}\nabove\n---\nbelow\n`);
    await put('long_description', `---\nname: long_description\ndescription: ${'d'.repeat(1024)}\n---\n`);
    expect(skillOf(await loadSkill(root, 'empty_body')).instructions).toBe('');
    expect(skillOf(await loadSkill(root, 'rule_in_body')).instructions).toBe('# Body\n\nabove\n---\nbelow');
    expect(skillOf(await loadSkill(root, 'long_description')).description).toHaveLength(1024);
  });

  it('follows a skill folder symlink that stays inside the skills directory, and a symlinked skills directory', async () => {
    await put('real_target', doc('linked'));
    await symlink('real_target', join(root, 'linked'));
    await symlink(root, join(base, 'skills-link'));
    const viaLink = skillOf(await loadSkill(root, 'linked'));
    expect(viaLink.file).toBe(join(root, 'real_target', 'SKILL.md'));
    expect(skillOf(await loadSkill(join(base, 'skills-link'), 'linked')).file).toBe(viaLink.file);
  });
});
