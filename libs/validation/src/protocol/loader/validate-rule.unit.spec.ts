import type { RuleSpec } from '../protocol.types.js';
import { ProblemSink, type PathProblem } from './protocol-file-problem.js';
import { validateRule } from './validate-rule.js';

const PATH = ['rules', 0] as const;

function check(rule: unknown): { spec: RuleSpec | undefined; problems: PathProblem[] } {
  const sink = new ProblemSink();
  return { spec: validateRule(rule, PATH, sink), problems: sink.problems };
}

const valid = (rule: Record<string, unknown>): RuleSpec => {
  const { spec, problems } = check(rule);
  expect(problems).toEqual([]);
  return spec as RuleSpec;
};

const problem = (rule: unknown): PathProblem => {
  const { spec, problems } = check(rule);
  expect(spec).toBeUndefined();
  expect(problems).toHaveLength(1);
  return problems[0] as PathProblem;
};

describe('validateRule: valid rules of each kind', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['plugin-registered', {}, {}],
    ['tool-exists', { description: 'tool must exist' }, { description: 'tool must exist' }],
    ['args-schema', {}, {}],
    ['args-schema', { schema: { type: 'object' } }, { schema: { type: 'object' } }],
    ['tool-allow', { tools: ['read_*'], reason: 'read only' }, { tools: ['read_*'], reason: 'read only' }],
    ['tool-deny', { tools: ['*'] }, { tools: ['*'] }],
    ['path-containment', {}, {}],
    ['module-layout', { args: ['path'] }, { args: ['path'] }],
    [
      'destructive-guard',
      { tools: ['rm_*'], protectedPaths: ['config/secrets'] },
      { tools: ['rm_*'], protectedPaths: ['config/secrets'] },
    ],
    ['max-steps', { max: 10_000 }, { max: 10_000 }],
    ['token-budget', { max: 10_000_000 }, { max: 10_000_000 }],
    ['rate-limit', { max: 1000, window: '30d', cooldown: 0 }, { max: 1000, windowMs: 2_592_000_000, cooldownMs: 0 }],
    ['rate-limit', { max: 1, windowMs: 1, cooldownMs: 500 }, { max: 1, windowMs: 1, cooldownMs: 500 }],
    ['requires-approval', { reason: 'needs a human' }, { reason: 'needs a human' }],
  ])('%s %j', (kind, fields, expected) => {
    expect(valid({ id: 'r', kind, ...fields })).toEqual({ id: 'r', kind, ...expected });
  });

  it('keeps a full scope', () => {
    const when = {
      operationTypes: ['deploy_*'],
      plugins: ['git'],
      tools: ['push'],
      skills: ['docs'],
      source: 'recalled',
    };
    expect(valid({ id: 'r', kind: 'tool-exists', when })).toEqual({ id: 'r', kind: 'tool-exists', when });
  });
});

describe('validateRule: problems', () => {
  it.each<[string, unknown, readonly (string | number)[], string]>([
    ['not a mapping', 'max-steps', [], 'a rule must be a mapping, got the string'],
    ['missing id', { kind: 'tool-exists' }, [], "missing required key 'id'"],
    ['bad id', { id: 'Bad_Id', kind: 'tool-exists' }, ['id'], "rule id 'Bad_Id' must match"],
    ['missing kind', { id: 'r' }, [], "rule 'r': missing required key 'kind'"],
    [
      'unknown kind',
      { id: 'r', kind: 'tool-allows', tools: ['a'] },
      ['kind'],
      "unknown rule kind 'tool-allows' (did you mean 'tool-allow'?)",
    ],
    [
      'field of another kind',
      { id: 'r', kind: 'max-steps', max: 3, tools: ['a'] },
      ['tools'],
      "unknown key 'tools' in a max-steps rule",
    ],
    [
      'max not an integer',
      { id: 'r', kind: 'max-steps', max: 2.5 },
      ['max'],
      'must be an integer from 1 to 10,000, got number 2.5',
    ],
    ['max as a string', { id: 'r', kind: 'max-steps', max: '5' }, ['max'], "got the string '5'"],
    ['max over the cap', { id: 'r', kind: 'token-budget', max: 10_000_001 }, ['max'], 'from 1 to 10,000,000'],
    ['rate over the cap', { id: 'r', kind: 'rate-limit', max: 1001, window: '1s' }, ['max'], 'from 1 to 1,000'],
    ['no window', { id: 'r', kind: 'rate-limit', max: 1 }, [], "missing required key 'window' (or 'windowMs')"],
    [
      'zero window',
      { id: 'r', kind: 'rate-limit', max: 1, window: 0 },
      ['window'],
      "'window' must be from 1ms to 30d, got 0ms",
    ],
    [
      'windowMs as text',
      { id: 'r', kind: 'rate-limit', max: 1, windowMs: '5s' },
      ['windowMs'],
      "use 'window' for values like 30s",
    ],
    [
      'both cooldowns',
      { id: 'r', kind: 'rate-limit', max: 1, window: '1s', cooldown: '1s', cooldownMs: 5 },
      ['cooldownMs'],
      'not both',
    ],
    ['tools missing', { id: 'r', kind: 'tool-deny' }, [], "missing required key 'tools'"],
    ['tools empty', { id: 'r', kind: 'tool-allow', tools: [] }, ['tools'], 'must list at least one name'],
    [
      'inner wildcard',
      { id: 'r', kind: 'tool-deny', tools: ['a', 'de*te'] },
      ['tools', 1],
      "'*' is only allowed at the end",
    ],
    [
      'wildcard arg',
      { id: 'r', kind: 'path-containment', args: ['path*'] },
      ['args', 0],
      'wildcards are not supported here',
    ],
    ['padded name', { id: 'r', kind: 'tool-deny', tools: [' rm'] }, ['tools', 0], 'surrounding spaces'],
    [
      'unnormalised path',
      { id: 'r', kind: 'destructive-guard', protectedPaths: ['./config/'] },
      ['protectedPaths', 0],
      "as 'config'",
    ],
    [
      'escaping path',
      { id: 'r', kind: 'destructive-guard', protectedPaths: ['../etc'] },
      ['protectedPaths', 0],
      'not a workspace-relative path',
    ],
    ['schema not a mapping', { id: 'r', kind: 'args-schema', schema: [] }, ['schema'], "'schema' must be a mapping"],
    [
      'schema with .inf',
      { id: 'r', kind: 'args-schema', schema: { properties: { n: { maximum: Infinity } } } },
      ['schema', 'properties', 'n', 'maximum'],
      'Infinity is not a JSON number',
    ],
    [
      'bad schema',
      { id: 'r', kind: 'args-schema', schema: { required: 'name' } },
      ['schema', 'required'],
      'invalid args schema: /required: must be an array',
    ],
    [
      'empty reason',
      { id: 'r', kind: 'requires-approval', reason: ' ' },
      ['reason'],
      "'reason' must be a non-empty string",
    ],
    ['when not a mapping', { id: 'r', kind: 'tool-exists', when: ['x'] }, ['when'], "'when' must be a mapping"],
    [
      'when typo',
      { id: 'r', kind: 'tool-exists', when: { plugin: ['git'] } },
      ['when', 'plugin'],
      "unknown key 'plugin' in 'when' (did you mean 'plugins'?)",
    ],
    [
      'when empty list',
      { id: 'r', kind: 'tool-exists', when: { skills: [] } },
      ['when', 'skills'],
      'must list at least one name',
    ],
    [
      'when source',
      { id: 'r', kind: 'tool-exists', when: { source: 'sometimes' } },
      ['when', 'source'],
      "'source' must be one of recalled, computed",
    ],
  ])('%s', (_name, rule, path, fragment) => {
    const found = problem(rule);
    expect(found.path).toEqual([...PATH, ...path]);
    expect(found.message).toContain(fragment);
  });

  it('points at the key, not the value, for an unknown key', () => {
    expect(problem({ id: 'r', kind: 'max-steps', max: 1, maxx: 2 })).toMatchObject({
      path: [...PATH, 'maxx'],
      atKey: true,
    });
  });

  it('collects every problem of a rule, not just the first', () => {
    const { spec, problems } = check({ id: 'r', kind: 'rate-limit', max: 0, window: '1 hour', cooldwn: '1s' });
    expect(spec).toBeUndefined();
    expect(problems.map((p) => p.path.at(-1))).toEqual(['cooldwn', 'max', 'window']);
  });

  it('prefixes with the list index when the id is unusable', () => {
    expect(problem({ id: 7, kind: 'tool-exists' }).message).toBe("'id' must be a non-empty string, got number 7");
    expect(check({ id: 7, kind: 'nope' }).problems[1]?.message).toMatch(/^rules\[0\]: unknown rule kind 'nope'/);
  });
});

describe('validateRule: rate-limit scopes', () => {
  it.each(['tools', 'source'])('refuses when.%s on a rate-limit (it would match every request)', (key) => {
    const when = key === 'tools' ? { tools: ['delete_*'] } : { source: 'computed' };
    expect(problem({ id: 'r', kind: 'rate-limit', max: 1, window: '1m', when }).message).toContain(
      `'when.${key}' cannot scope a rate-limit rule`,
    );
  });
});
