import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '#kernel';
import { loadProtocolDir, type ProtocolFileProblem } from './index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'protocols');
const MALFORMED = join(FIXTURES, 'malformed');
const OPTIONS = { reservedIds: ['WSP-50', 'WSP-64'], required: true };

/** Every problem the malformed directory yields: file, exact line, and a fragment of the message. */
const EXPECTED: readonly [file: string, line: number, fragment: string][] = [
  ['alias-bomb.yaml', 8, 'this looks like an alias bomb'],
  ['bad-args-schema.yaml', 10, "rule 'git-args': invalid args schema: /properties/branch/type: unknown type 'strng'"],
  ['bad-duration.yaml', 7, "'5 minutes' is not a duration"],
  ['bad-id.yaml', 1, "protocol id 'acme-lowercase' must match"],
  ['bad-when-source.yaml', 9, "'source' must be one of recalled, computed, got the string 'sometimes'"],
  ['custom-tag.yaml', 6, 'unsupported tag'],
  [
    'duplicate-protocol-b.yaml',
    2,
    "duplicate protocol id 'BAD-TWICE' (first defined at protocols/duplicate-protocol-a.yaml:1:5)",
  ],
  ['duplicate-rule-id.yaml', 9, "duplicate rule id 'limit' (rules[0] already uses it)"],
  ['empty-rules.yaml', 4, "'rules' must be a non-empty list of rules, got an empty list"],
  ['json-duplicate-key.json', 5, "duplicate key 'max'"],
  ['json-syntax.json', 6, 'JSON syntax error'],
  [
    'json-unknown-key.json',
    8,
    "unknown key 'protectedPath' in a destructive-guard rule (did you mean 'protectedPaths'?)",
  ],
  ['missing-id.yaml', 3, "missing required key 'id'"],
  ['negative-max.yaml', 6, "'max' must be an integer from 1 to 10,000, got number -3"],
  ['protocol-list.yaml', 1, 'got a list at the top level'],
  ['reserved-id.yaml', 1, "protocol id 'WSP-50' is reserved"],
  ['unknown-key.yaml', 4, "rule 'throttle': missing required key 'max'"],
  ['unknown-key.yaml', 6, "unknown key 'maxx' in a rate-limit rule (did you mean 'max'?)"],
  ['unknown-kind.yaml', 8, "unknown rule kind 'rate-limt' (did you mean 'rate-limit'?)"],
  ['window-too-long.yaml', 9, "rule 'monthly': give either 'window' or 'windowMs', not both"],
  ['window-too-long.yaml', 10, "rule 'yearly': 'window' must be from 1ms to 30d, got 365d"],
  ['yaml-syntax.yaml', 6, 'YAML: Sequence item without - indicator'],
];
/** Files that only fail next to another one. */
const COMPANIONS: Record<string, string[]> = { 'duplicate-protocol-b.yaml': ['duplicate-protocol-a.yaml'] };

async function loadError(dir: string): Promise<ConfigError> {
  const error: unknown = await loadProtocolDir(dir, OPTIONS).then(
    (loaded) => new Error(`expected a ConfigError, got ${loaded.length} protocols`),
    (e: unknown) => e,
  );
  if (!(error instanceof ConfigError)) throw error;
  return error;
}

const problemsOf = (error: ConfigError): ProtocolFileProblem[] => error.details.problems as ProtocolFileProblem[];

describe('malformed protocol fixtures', () => {
  it('has at least 15 malformed files, each expected to fail', async () => {
    const files = (await readdir(MALFORMED)).filter((f) => f !== 'README.md');
    const failing = new Set([...EXPECTED.map(([file]) => file), ...Object.values(COMPANIONS).flat()]);
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect([...failing].sort()).toEqual(files.sort());
  });

  it('reports every problem of every file at its exact line, in one error', async () => {
    const error = await loadError(MALFORMED);
    expect(error.code).toBe('CONFIG_INVALID');
    const found = problemsOf(error).map((p) => [p.file, p.line]);
    expect(found).toEqual(EXPECTED.map(([file, line]) => [file, line]));
    for (const [file, line, fragment] of EXPECTED) {
      expect(error.message).toMatch(
        new RegExp(`^protocols/${file.replace(/\./g, '\\.')}:${line}:\\d+: .*${escape(fragment)}`, 'm'),
      );
    }
  });

  it.each(EXPECTED.map(([file]) => file).filter((f, i, all) => all.indexOf(f) === i))(
    '%s next to a valid file: throws, names only that file, returns nothing',
    async (file) => {
      const dir = await mkdtemp(join(tmpdir(), 'wre-protocols-'));
      try {
        await copyFile(join(FIXTURES, 'valid', 'acme.yaml'), join(dir, 'acme.yaml'));
        for (const f of [file, ...(COMPANIONS[file] ?? [])]) await copyFile(join(MALFORMED, f), join(dir, f));
        const error = await loadError(dir);
        expect(problemsOf(error).map((p) => [p.file, p.line])).toEqual(
          EXPECTED.filter(([f]) => f === file).map(([f, line]) => [f, line]),
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
