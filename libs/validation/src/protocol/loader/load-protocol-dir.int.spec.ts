import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '#kernel';
import { RULE_KINDS } from '../protocol.types.js';
import { loadProtocolDir, MAX_PROBLEMS_PER_FILE, PROTOCOL_FILE_MAX_BYTES, type ProtocolFileProblem } from './index.js';

const VALID = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'protocols', 'valid');
const OPTIONS = { reservedIds: ['WSP-50'], required: true };
const SMALL = 'id: SMALL-1\ntitle: Small\nrules:\n  - { id: steps, kind: max-steps, max: 5 }\n';

let base = '';
let dir = '';
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'wre-protocols-'));
  dir = join(base, 'protocols');
  await mkdir(dir);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function problemsFrom(path: string): Promise<ProtocolFileProblem[]> {
  const error: unknown = await loadProtocolDir(path, OPTIONS).then(
    () => new Error('expected a ConfigError'),
    (e: unknown) => e,
  );
  if (!(error instanceof ConfigError)) throw error;
  return error.details.problems as ProtocolFileProblem[];
}

describe('loadProtocolDir: valid files', () => {
  it('loads every protocol of every file, in file-name order, with its source', async () => {
    const loaded = await loadProtocolDir(VALID, OPTIONS);
    expect(loaded.map((p) => [p.id, p.source])).toEqual([
      ['ACME-7', 'acme.yaml'],
      ['TOOLING-1', 'tooling.json'],
      ['TOOLING-2', 'tooling.json'],
    ]);
    const acme = loaded[0];
    expect(new Set(acme?.rules.map((r) => r.kind))).toEqual(new Set(RULE_KINDS));
    expect(acme?.rules.find((r) => r.id === 'deploy-throttle')).toEqual({
      id: 'deploy-throttle',
      kind: 'rate-limit',
      description: 'At most 3 deploys per 10 minutes, then a 2 minute pause.',
      when: { operationTypes: ['deploy', 'deploy_*'] },
      max: 3,
      windowMs: 600_000,
      cooldownMs: 120_000,
    });
    expect(acme?.rules.find((r) => r.id === 'deploy-plans')?.when).toEqual({ operationTypes: ['deploy', 'deploy_*'] });
    expect(loaded[1]).toEqual({
      id: 'TOOLING-1',
      title: 'Build tooling',
      source: 'tooling.json',
      rules: [
        {
          id: 'no-network-installs',
          kind: 'tool-deny',
          tools: ['npm_install', 'pip_*'],
          reason: 'installs go through the mirror job',
        },
        {
          id: 'ci-rate',
          kind: 'rate-limit',
          max: 20,
          windowMs: 3_600_000,
          cooldownMs: 5000,
          when: { operationTypes: ['ci_*'] },
        },
      ],
    });
  });

  it('reads .yml, skips other files and dotfiles, and sorts by code units', async () => {
    await writeFile(join(dir, 'b.yml'), SMALL.replace('SMALL-1', 'B-1'));
    await writeFile(join(dir, 'B.yaml'), SMALL.replace('SMALL-1', 'UPPER-1'));
    await writeFile(
      join(dir, 'a.json'),
      JSON.stringify({ id: 'A-1', title: 'A', rules: [{ id: 'x', kind: 'tool-exists' }] }),
    );
    await writeFile(join(dir, 'notes.txt'), 'not a protocol');
    await writeFile(join(dir, 'README.md'), '# protocols');
    await writeFile(join(dir, '.draft.yaml'), 'this: [is not valid');
    await symlink('user@host.1234', join(dir, '.#b.yml')); // an editor lock link
    const loaded = await loadProtocolDir(dir, OPTIONS);
    expect(loaded.map((p) => p.source)).toEqual(['B.yaml', 'a.json', 'b.yml']);
  });

  it('returns [] for a missing optional directory and for an empty one', async () => {
    await expect(loadProtocolDir(join(base, 'nope'), { reservedIds: [], required: false })).resolves.toEqual([]);
    await expect(loadProtocolDir(dir, OPTIONS)).resolves.toEqual([]);
  });

  it('refuses a missing required directory, and a path that is not a directory', async () => {
    await expect(loadProtocolDir(join(base, 'nope'), OPTIONS)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('does not exist'),
    });
    await writeFile(join(base, 'file'), '');
    await expect(loadProtocolDir(join(base, 'file'), { reservedIds: [], required: false })).rejects.toThrow(
      'is not a directory',
    );
  });

  it('accepts a JSON file with a BOM and a symlink that stays inside the directory', async () => {
    await writeFile(
      join(dir, 'bom.json'),
      `\uFEFF${JSON.stringify({ id: 'BOM-1', title: 'BOM', rules: [{ id: 'x', kind: 'tool-exists' }] })}`,
    );
    await mkdir(join(dir, 'shared'));
    await writeFile(join(dir, 'shared', 'small.yaml'), SMALL);
    await symlink(join('shared', 'small.yaml'), join(dir, 'linked.yaml'));
    const loaded = await loadProtocolDir(dir, OPTIONS);
    expect(loaded.map((p) => [p.id, p.source])).toEqual([
      ['BOM-1', 'bom.json'],
      ['SMALL-1', 'linked.yaml'],
    ]);
  });

  it('accepts a file of exactly 1 MiB', async () => {
    const padding = PROTOCOL_FILE_MAX_BYTES - Buffer.byteLength(SMALL) - 2;
    await writeFile(join(dir, 'big.yaml'), `${SMALL}#${'x'.repeat(padding)}\n`);
    await expect(loadProtocolDir(dir, OPTIONS)).resolves.toHaveLength(1);
  });
});

describe('loadProtocolDir: unsafe or broken files', () => {
  it('refuses non-UTF-8 content, naming the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id: LATIN-1\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nrules: []\n'),
    ]);
    await writeFile(join(dir, 'latin1.yaml'), bytes);
    expect(await problemsFrom(dir)).toEqual([
      { file: 'latin1.yaml', line: 2, column: 1, message: 'file is not valid UTF-8' },
    ]);
  });

  it('refuses a file over 1 MiB without parsing it', async () => {
    await writeFile(join(dir, 'huge.yaml'), `${SMALL}#${'x'.repeat(PROTOCOL_FILE_MAX_BYTES)}\n`);
    expect(await problemsFrom(dir)).toEqual([
      { file: 'huge.yaml', line: 1, column: 1, message: expect.stringContaining('larger than 1 MiB') },
    ]);
  });

  it('refuses symlinks that leave the directory or dangle, and non-regular files', async () => {
    await writeFile(join(base, 'outside.yaml'), SMALL);
    await symlink(join(base, 'outside.yaml'), join(dir, 'escape.yaml'));
    await symlink(join('..', 'outside.yaml'), join(dir, 'relative-escape.yaml'));
    await symlink('missing.yaml', join(dir, 'dangling.yaml'));
    await mkdir(join(dir, 'folder.yaml'));
    const problems = await problemsFrom(dir);
    expect(problems.map((p) => [p.file, p.line, p.message])).toEqual([
      ['dangling.yaml', 1, 'symlink target does not exist'],
      ['escape.yaml', 1, expect.stringContaining('symlink points outside the protocols directory')],
      ['folder.yaml', 1, 'not a regular file'],
      ['relative-escape.yaml', 1, expect.stringContaining('symlink points outside the protocols directory')],
    ]);
  });

  it('throws for one good and one bad file: nothing is half-applied', async () => {
    await copyFile(join(VALID, 'acme.yaml'), join(dir, 'acme.yaml'));
    await writeFile(join(dir, 'zz.yaml'), SMALL.replace('max: 5', 'max: 0'));
    await expect(loadProtocolDir(dir, OPTIONS)).rejects.toThrow(
      /protocols\/zz\.yaml:4:40: rule 'steps': 'max' must be an integer from 1/,
    );
  });

  it('formats one line per problem and keeps the problems as data', async () => {
    await writeFile(
      join(dir, 'a.yaml'),
      'id: WSP-50\ntitle: ""\nrules:\n  - { id: x, kind: max-steps, max: 1, maxx: 2 }\n',
    );
    await writeFile(join(dir, 'b.json'), '{\n  "id": "B-1",\n  "title": "B"\n  "rules": []\n}\n');
    const error: unknown = await loadProtocolDir(dir, OPTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const { message, details } = error as ConfigError;
    expect(message.split('\n')).toEqual([
      `4 problems in 2 protocol files under ${dir}; no protocol was loaded:`,
      "protocols/a.yaml:1:5: protocol id 'WSP-50' is reserved by a built-in protocol; choose another id",
      "protocols/a.yaml:2:8: 'title' must be a non-empty string, got the string ''",
      expect.stringMatching(
        /^protocols\/a\.yaml:4:39: rule 'x': unknown key 'maxx' in a max-steps rule \(did you mean 'max'\?\); allowed keys: /,
      ),
      "protocols/b.json:4:3: JSON syntax error: Expected ',' or '}' after property value",
    ]);
    expect(details.dir).toBe(dir);
    expect(details.problems).toEqual([
      { file: 'a.yaml', line: 1, column: 5, message: expect.any(String) },
      { file: 'a.yaml', line: 2, column: 8, message: expect.any(String) },
      { file: 'a.yaml', line: 4, column: 39, message: expect.any(String) },
      { file: 'b.json', line: 4, column: 3, message: expect.any(String) },
    ]);
  });

  it(`caps the problems listed per file at ${MAX_PROBLEMS_PER_FILE}`, async () => {
    const rules = Array.from({ length: 80 }, (_, i) => `  - { id: r${i}, kind: max-steps, max: 0 }`).join('\n');
    await writeFile(join(dir, 'many.yaml'), `id: MANY-1\ntitle: Many\nrules:\n${rules}\n`);
    const problems = await problemsFrom(dir);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(problems.at(-1)?.message).toBe('... and 30 more problems in this file');
  });

  it('reports duplicate protocol ids inside one file, pointing at the second', async () => {
    const text = await readFile(join(VALID, 'tooling.json'), 'utf8');
    await writeFile(join(dir, 'tooling.json'), text.replace('"TOOLING-2"', '"TOOLING-1"'));
    expect(await problemsFrom(dir)).toEqual([
      {
        file: 'tooling.json',
        line: 12,
        column: 13,
        message: "duplicate protocol id 'TOOLING-1' (first defined at protocols/tooling.json:4:13)",
      },
    ]);
  });
});
