import { BUILTIN_PROTOCOLS, evaluateStep, ProtocolSet, type ProtocolDefinition, type Rule } from './index.js';
import { stepCheck } from './testing/step-check.fixture.js';

// Only rules that need no disk: path rules have their own int spec.
const offline = (set: ProtocolSet): readonly Rule[] => set.stepRules.filter((r) => r.kind !== 'path-containment');
const acme = (rules: ProtocolDefinition['rules']): ProtocolDefinition => ({
  id: 'ACME-7',
  title: 'Acme',
  source: 'acme.yaml',
  rules,
});

describe('protocol set and step evaluation', () => {
  const builtins = ProtocolSet.compile();

  it('cites every applicable rule in order, ending with the WSP-82 chain check', () => {
    const v = evaluateStep(offline(builtins), stepCheck({ tool: 'write_file', args: { path: 'modules/a/b/x.md' } }));
    expect(v).toEqual({
      allowed: true,
      citations: [
        'WSP-50/plugin-registered',
        'WSP-50/tool-exists',
        'WSP-50/args-schema',
        'WSP-64/forbidden-tools',
        'WSP-64/destructive-guard',
        'WSP-64/max-steps',
        'WSP-3/module-layout',
        'WSP-75/token-budget',
        'WSP-82/citation-chain',
      ],
    });
  });

  it('names the denying rule and stops consulting after it', () => {
    const v = evaluateStep(offline(builtins), stepCheck({ tool: 'write_file', args: { content: 'no path' } }));
    expect(v).toMatchObject({
      allowed: false,
      deniedBy: 'WSP-50/args-schema',
      reason: expect.stringContaining('path'),
    });
    expect(v.citations[v.citations.length - 1]).toBe('WSP-50/args-schema');
    expect(evaluateStep(offline(builtins), stepCheck({ tool: 'shell', args: {} }))).toMatchObject({
      allowed: false,
      deniedBy: 'WSP-64/forbidden-tools',
    });
    // Deny lists ignore case: a plugin cannot slip a forbidden tool through as SHELL or Exec_Cmd.
    const loud = {
      plugin: {
        name: 'p',
        tools: [
          { name: 'SHELL', argsSchema: {} },
          { name: 'Exec_Cmd', argsSchema: {} },
        ],
        registered: true,
      },
    };
    expect(evaluateStep(offline(builtins), stepCheck({ tool: 'SHELL', args: {} }, loud))).toMatchObject({
      deniedBy: 'WSP-64/forbidden-tools',
    });
    expect(evaluateStep(offline(builtins), stepCheck({ tool: 'Exec_Cmd', args: {} }, loud))).toMatchObject({
      deniedBy: 'WSP-64/forbidden-tools',
    });
    expect(evaluateStep(offline(builtins), stepCheck({ tool: 'nope', args: {} }))).toMatchObject({
      allowed: false,
      deniedBy: 'WSP-50/tool-exists',
    });
  });

  it('default-denies when a rule throws, citing it', () => {
    const broken: Rule = {
      id: 'X-1/buggy',
      kind: 'tool-deny',
      applies: () => true,
      check: () => {
        throw new Error('boom');
      },
    };
    expect(
      evaluateStep([...offline(builtins), broken], stepCheck({ tool: 'write_file', args: { path: 'a' } })),
    ).toMatchObject({
      allowed: false,
      deniedBy: 'X-1/buggy',
      reason: 'rule error: boom',
    });
    const throwsInScope: Rule = {
      id: 'X-1/scope',
      kind: 'tool-deny',
      applies: () => {
        throw new Error('bad scope');
      },
      check: () => ({ allowed: true }),
    };
    expect(evaluateStep([throwsInScope], stepCheck({ tool: 'write_file', args: { path: 'a' } }))).toMatchObject({
      allowed: false,
      deniedBy: 'X-1/scope',
      citations: ['X-1/scope'],
    });
  });

  it('WSP-82 denies a step whose chain lacks the mandatory protocols', () => {
    const onlyAcme = ProtocolSet.compile([
      acme([{ id: 'allow', kind: 'tool-allow', tools: ['write_file'] }]),
    ]).stepRules.filter((r) => r.id.startsWith('ACME'));
    expect(evaluateStep(onlyAcme, stepCheck({ tool: 'write_file', args: { path: 'a' } }))).toMatchObject({
      allowed: false,
      deniedBy: 'WSP-82/citation-chain',
      reason: 'citation chain lacks WSP-50, WSP-64',
    });
  });

  it('applies tool allow/deny lists with prefix patterns and scopes', () => {
    const set = ProtocolSet.compile([
      acme([
        {
          id: 'no-delete',
          kind: 'tool-deny',
          tools: ['delete_*'],
          when: { operationTypes: ['cleanup_*'] },
          reason: 'no deletes in cleanups',
        },
        { id: 'writes-only', kind: 'tool-allow', tools: ['write_file', 'delete_files'], when: { plugins: ['p'] } },
      ]),
    ]);
    const cleanup = { operation: { type: 'cleanup_legacy', params: {} } };
    expect(
      evaluateStep(offline(set), stepCheck({ tool: 'delete_files', args: { root: 'old' } }, cleanup)),
    ).toMatchObject({ deniedBy: 'ACME-7/no-delete', reason: 'no deletes in cleanups' });
    expect(evaluateStep(offline(set), stepCheck({ tool: 'delete_files', args: { root: 'old' } })).allowed).toBe(true);
    expect(evaluateStep(offline(set), stepCheck({ tool: 'remove_dir', args: { path: 'x' } }))).toMatchObject({
      deniedBy: 'ACME-7/writes-only',
    });
    const other = { plugin: { name: 'q', tools: stepCheck({ tool: 'x', args: {} }).plugin.tools, registered: true } };
    const v = evaluateStep(offline(set), stepCheck({ tool: 'remove_dir', args: { path: 'x' } }, other));
    expect(v.allowed).toBe(true);
    expect(v.citations).not.toContain('ACME-7/writes-only');
  });

  it('narrows a tool with an extra args schema, limits steps and the token budget', () => {
    const set = ProtocolSet.compile([
      acme([
        {
          id: 'docs-only',
          kind: 'args-schema',
          when: { tools: ['write_file'] },
          schema: { type: 'object', properties: { path: { type: 'string', pattern: '^docs/' } } },
        },
        { id: 'short', kind: 'max-steps', max: 2 },
        { id: 'budget', kind: 'token-budget', max: 500, when: { source: 'computed' } },
      ]),
    ]);
    expect(evaluateStep(offline(set), stepCheck({ tool: 'write_file', args: { path: 'src/x' } }))).toMatchObject({
      deniedBy: 'ACME-7/docs-only',
    });
    const step = { tool: 'write_file', args: { path: 'docs/x' } };
    expect(
      evaluateStep(
        offline(set),
        stepCheck(step, { plan: { steps: [step, step, step], tokens: { prompt: 0, completion: 0, total: 0 } } }),
      ),
    ).toMatchObject({ deniedBy: 'ACME-7/short' });
    const costly = { plan: { steps: [step], tokens: { prompt: 400, completion: 200, total: 600 } } };
    expect(evaluateStep(offline(set), stepCheck(step, costly))).toMatchObject({
      deniedBy: 'ACME-7/budget',
      reason: 'planning used 600 tokens, over the budget of 500',
    });
    expect(evaluateStep(offline(set), stepCheck(step, { ...costly, source: 'recalled' })).allowed).toBe(true);
  });

  it('requires an approval naming the rule, recorded with the request', () => {
    const set = ProtocolSet.compile([
      acme([{ id: 'approve-delete', kind: 'requires-approval', when: { tools: ['delete_*'] } }]),
    ]);
    const step = { tool: 'delete_files', args: { root: 'old' } };
    expect(evaluateStep(offline(set), stepCheck(step))).toMatchObject({
      deniedBy: 'ACME-7/approve-delete',
      reason: expect.stringContaining('approvals: ["ACME-7/approve-delete"]'),
    });
    expect(evaluateStep(offline(set), stepCheck(step, { approvals: ['ACME-7/approve-delete'] })).allowed).toBe(true);
  });

  it("adds a skill's allowed tools as a cited rule for that execution only", () => {
    const rules = builtins.stepRulesFor({ name: 'tidy', allowedTools: ['write_file'], throttle: null });
    expect(
      evaluateStep(
        offline({ stepRules: rules } as ProtocolSet),
        stepCheck({ tool: 'remove_dir', args: { path: 'x' } }, { skill: 'tidy' }),
      ),
    ).toMatchObject({
      deniedBy: 'skill:tidy/allowed-tools',
    });
    expect(builtins.stepRulesFor(null)).toBe(builtins.stepRules);
    expect(builtins.rateLimitsFor({ name: 'tidy', allowedTools: null, throttle: { max: 2, windowMs: 1000 } })).toEqual([
      { id: 'skill:tidy/throttle', scope: { skills: ['tidy'] }, max: 2, windowMs: 1000 },
    ]);
  });

  it('keeps built-ins first and compiles rate limits apart from step rules', () => {
    const set = ProtocolSet.compile([
      acme([
        { id: 'rate', kind: 'rate-limit', max: 3, windowMs: 60_000, when: { operationTypes: ['module_creation'] } },
      ]),
    ]);
    expect(set.protocols.map((p) => p.id)).toEqual([...BUILTIN_PROTOCOLS.map((p) => p.id), 'ACME-7']);
    expect(set.rateLimits).toEqual([
      {
        id: 'ACME-7/rate',
        scope: { operationTypes: ['module_creation'] },
        max: 3,
        windowMs: 60_000,
        cooldownMs: undefined,
      },
    ]);
    expect(set.stepRules.some((r) => r.id === 'ACME-7/rate')).toBe(false);
  });
});
