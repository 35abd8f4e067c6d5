import { existsSync } from 'node:fs';
import { executionStream } from '#domain';
import { join } from 'node:path';
import { bootApp, removeDir, TEST_ADMIN_KEY, type BootedApp } from './boot-app.js';
import { GREETING_TOOLS, startGreetingOrchestrator, type FakeOrchestrator } from './remote-plugin-server.js';

const EXECUTE = `mutation($input: ExecuteOperationInput!) { executeOperation(input: $input) {
  id operationType plugin status recalled patternId planner tokens { prompt completion total } citations
  steps { tool args status output error } result error errorCode durationMs } }`;
const REGISTER = `mutation($input: RegisterPluginInput!) { registerPlugin(input: $input) { name kind status available operationTypes tools { name } } }`;

describe('WRE over HTTP + WebSocket (remote plugin, recall, subscriptions, replay)', () => {
  let wre: BootedApp;
  let remote: FakeOrchestrator;

  beforeAll(async () => {
    remote = await startGreetingOrchestrator();
    wre = await bootApp();
  });
  afterAll(async () => {
    await wre.close();
    await remote.close();
    removeDir(wre.dir);
  });

  it('registers an out-of-process plugin over GraphQL', async () => {
    const res = await wre.gql(REGISTER, {
      input: {
        name: 'greeter',
        operationTypes: ['greeting', 'doomed'],
        tools: GREETING_TOOLS,
        endpoint: remote.endpoint,
        timeoutMs: 5000,
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.registerPlugin).toEqual({
      name: 'greeter',
      kind: 'REMOTE',
      status: 'REGISTERED',
      available: true,
      operationTypes: ['doomed', 'greeting'],
      tools: [{ name: 'compose' }, { name: 'deliver' }, { name: 'explode' }],
    });
    const list = await wre.gql(`{ plugins { name kind } }`);
    expect(list.data.plugins.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['greeter', 'module_scaffolder', 'legacy_cleaner', 'utf8_remediator']),
    );
  });

  it('computes the first operation, recalls the second with new params and 0 tokens, and streams events live', async () => {
    const client = wre.ws();
    const seen: { type: string; streamId: string; position: string }[] = [];
    let sawSecondEnd!: () => void;
    const secondEnded = new Promise<void>((r) => (sawSecondEnd = r));
    let ends = 0;
    const unsubscribe = client.subscribe<{ executionEvents: { type: string; streamId: string; position: string } }>(
      { query: 'subscription { executionEvents { type streamId position } }' },
      {
        next: ({ data }) => {
          seen.push(data!.executionEvents);
          if (data!.executionEvents.type === 'ExecutionSucceeded' && ++ends === 2) sawSecondEnd();
        },
        error: (e) => {
          throw e;
        },
        complete: () => undefined,
      },
    );
    // graphql-ws does not acknowledge a subscribe; wait until the server has attached it to the live feed.
    await wre.rt.feed.waitForListeners(1);

    const first = await wre.gql(EXECUTE, {
      input: { type: 'greeting', plugin: 'greeter', params: { name: 'Ada', channel: 'ops' } },
    });
    expect(first.errors).toBeUndefined();
    const a = first.data.executeOperation;
    expect(a).toMatchObject({
      status: 'SUCCEEDED',
      recalled: false,
      planner: 'test-llm',
      tokens: { prompt: 1200, completion: 300, total: 1500 },
    });
    expect(a.citations).toEqual([
      'WSP-50/plugin-registered',
      'WSP-50/tool-exists',
      'WSP-50/args-schema',
      'WSP-64/forbidden-tools',
      'WSP-64/path-containment',
      'WSP-64/destructive-guard',
      'WSP-64/max-steps',
      'WSP-75/token-budget',
      'WSP-82/citation-chain',
    ]);

    const second = await wre.gql(EXECUTE, { input: { type: 'greeting', params: { name: 'Grace', channel: 'dev' } } });
    const b = second.data.executeOperation;
    expect(b).toMatchObject({
      status: 'SUCCEEDED',
      recalled: true,
      planner: 'pattern-memory',
      tokens: { prompt: 0, completion: 0, total: 0 },
    });
    expect(b.steps.map((s: { args: unknown }) => s.args)).toEqual([
      { text: 'Hello Grace, welcome aboard' },
      { to: 'dev', text: 'Hello Grace, welcome aboard' },
    ]);
    expect(b.result).toEqual({ done: 'deliver', to: 'dev', text: 'Hello Grace, welcome aboard' });
    expect(remote.planCalls).toBe(1);

    await secondEnded;
    unsubscribe();
    const secondTypes = seen.filter((e) => e.streamId === executionStream(b.id)).map((e) => e.type);
    // The delivered text is the composed output ({@0/text}): the second step is built from it once the first ran, then validated.
    expect(secondTypes).toEqual([
      'OperationRequested',
      'PatternRecalled',
      'ValidationPassed',
      'StepSucceeded',
      'PlanStepsResolved',
      'ValidationPassed',
      'StepSucceeded',
      'ExecutionSucceeded',
    ]);
    const positions = seen.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));

    const pattern = await wre.gql(
      `query($id: ID!) { pattern(id: $id) { operationType plugin version slots uses successes status steps { tool args } } }`,
      { id: b.patternId },
    );
    expect(pattern.data.pattern).toMatchObject({
      operationType: 'greeting',
      plugin: 'greeter',
      version: 1,
      slots: ['channel', 'name'],
      uses: 1,
      successes: 2,
      status: 'ACTIVE',
    });
  });

  it('reports recall statistics, and rebuilding twice reproduces identical read models', async () => {
    const STATS = `{ recallStats { executions recalled computed recallRate plannerTokens byOperationType { operationType executions recalled recallRate plannerTokens } } patterns { id version uses successes fidelity contentHash } }`;
    const before = await wre.gql(STATS);
    expect(before.data.recallStats).toMatchObject({
      executions: 2,
      recalled: 1,
      computed: 1,
      recallRate: 0.5,
      plannerTokens: 1500,
    });
    const r1 = await wre.gql(`mutation { rebuildProjections { events eventsPerSecond digest position } }`);
    const r2 = await wre.gql(`mutation { rebuildProjections { events eventsPerSecond digest position } }`);
    expect(r1.errors).toBeUndefined();
    expect(r1.data.rebuildProjections.events).toBeGreaterThan(14);
    expect(r2.data.rebuildProjections.digest).toBe(r1.data.rebuildProjections.digest);
    expect(r2.data.rebuildProjections.position).toBe(r1.data.rebuildProjections.position);
    const after = await wre.gql(STATS);
    expect(after.data).toEqual(before.data);
  });

  it('answers a resend with the same commandId with the same execution and writes nothing', async () => {
    const input = { type: 'greeting', params: { name: 'Lin', channel: 'x' }, commandId: 'client-cmd-1' };
    const one = await wre.gql(EXECUTE, { input });
    const head = await wre.rt.store.headPosition();
    const two = await wre.gql(EXECUTE, { input });
    expect(two.data.executeOperation.id).toBe(one.data.executeOperation.id);
    expect(await wre.rt.store.headPosition()).toBe(head);
    const clash = await wre.gql(EXECUTE, { input: { ...input, params: { name: 'Other', channel: 'x' } } });
    expect(clash.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('runs the built-in module_creation on the workspace and validates module paths', async () => {
    const res = await wre.gql(EXECUTE, {
      input: { type: 'module_creation', params: { name: 'billing', domain: 'finance' } },
    });
    expect(res.data.executeOperation).toMatchObject({
      status: 'SUCCEEDED',
      plugin: 'module_scaffolder',
      tokens: { total: 0 },
    });
    for (const f of ['src', 'tests', 'README.md', 'INTERFACE.md', 'ModLog.md'])
      expect(existsSync(join(wre.workspace, 'modules/finance/billing', f))).toBe(true);
    const again = await wre.gql(EXECUTE, {
      input: { type: 'module_creation', params: { name: 'ledger', domain: 'finance' } },
    });
    expect(again.data.executeOperation).toMatchObject({ status: 'SUCCEEDED', recalled: true });
    expect(existsSync(join(wre.workspace, 'modules/finance/ledger/ModLog.md'))).toBe(true);

    const V = `mutation($p: String!) { validateModulePath(path: $p) { valid reason } }`;
    expect((await wre.gql(V, { p: 'modules/finance/billing' })).data.validateModulePath).toEqual({
      valid: true,
      reason: null,
    });
    for (const bad of ['../etc', '/etc/passwd', 'modules/finance/missing', 'modules/%2e%2e/x']) {
      const v = (await wre.gql(V, { p: bad })).data.validateModulePath;
      expect(v.valid).toBe(false);
      expect(typeof v.reason).toBe('string');
    }
    const events = await wre.gql(`{ events(limit: 1000) { type data } }`);
    expect(events.data.events.filter((e: { type: string }) => e.type === 'ModulePathValidated')).toHaveLength(5);
  });

  it('gives every bad request a typed error and keeps serving', async () => {
    const code = async (q: string, v?: Record<string, unknown>) => (await wre.gql(q, v)).errors?.[0]?.extensions?.code;
    expect(await code('{ plugins { name ')).toBe('GRAPHQL_PARSE_FAILED');
    expect(await code('{ nope }')).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await code(EXECUTE, { input: { type: 'no_such_type' } })).toBe('UNKNOWN_OPERATION_TYPE');
    expect(await code(EXECUTE, { input: { type: 'greeting', plugin: 'ghost' } })).toBe('PLUGIN_NOT_FOUND');
    expect(await code(EXECUTE, { input: { type: 'greeting', params: [1, 2] } })).toBe('PARAMS_INVALID');
    expect(await code(EXECUTE, { input: { type: 'Bad Type!' } })).toBe('OPERATION_TYPE_INVALID');
    expect(await code(`{ events(fromPosition: "-5") { id } }`)).toBe('BAD_USER_INPUT');
    expect(
      await code(REGISTER, {
        input: { name: 'far', operationTypes: ['x'], tools: [], endpoint: 'http://example.com/wre' },
      }),
    ).toBe('ENDPOINT_NOT_ALLOWED');
    expect(await code(`mutation { deregisterPlugin(name: "ghost") { name } }`)).toBe('PLUGIN_NOT_FOUND');
    const raw = await fetch(wre.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
      body: '{"query": "{ plugins',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    const huge = await fetch(wre.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
      body: JSON.stringify({ query: `{ plugins { name } } #${'x'.repeat(2_000_000)}` }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect((await wre.gql('{ recallStats { executions } }')).errors).toBeUndefined();
  });

  it('gives refused subscriptions a typed error over WebSocket too', async () => {
    const client = wre.ws();
    const outcome = (query: string, variables?: Record<string, unknown>) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(
          { query, variables },
          { next: (v) => resolve(v), error: (e) => resolve(e), complete: () => resolve('complete') },
        );
      });
    const invalid = (await outcome('subscription { executionEvents { nope } }')) as {
      extensions?: { code?: string };
    }[];
    expect(invalid[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const coerced = (await outcome('subscription($x: ID) { executionEvents(executionId: $x) { id } }', {
      x: { a: 1 },
    })) as { errors?: { extensions?: { code?: string } }[] };
    expect(coerced.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records a tool failure as ExecutionFailed and returns the failed execution', async () => {
    const res = await wre.gql(EXECUTE, { input: { type: 'doomed', params: { name: 'x', channel: 'y' } } });
    const e = res.data.executeOperation;
    expect(e).toMatchObject({ status: 'FAILED', errorCode: 'REMOTE_STEP_FAILED' });
    expect(e.steps[0].status).toBe('FAILED');
    const stored = await wre.gql(`query($id: ID!) { execution(id: $id) { status errorCode } }`, { id: e.id });
    expect(stored.data.execution).toEqual({ status: 'FAILED', errorCode: 'REMOTE_STEP_FAILED' });
    const log = await wre.rt.store.readStream(executionStream(e.id));
    expect(log.map((x) => x.type).slice(-2)).toEqual(['StepFailed', 'ExecutionFailed']);
  });
});
