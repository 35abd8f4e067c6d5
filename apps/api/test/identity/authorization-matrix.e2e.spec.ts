import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS } from '../../src/common/identity/access-policy.js';
import { bootApp, removeDir, TEST_ADMIN_KEY, type BootedApp } from '../boot-app.js';
import { startFakePlugin, type FakePlugin } from './fake-plugin.js';
import {
  codeOf,
  endCode,
  EXECUTE,
  EXECUTE_SKILL,
  issueKey,
  ok,
  pluginInput,
  postGraphql,
  REGISTER,
  subscribe,
  wsClient,
  wsCode,
  wsOnce,
  wsRun,
  writeSkill,
  type GqlResult,
  type LiveSubscription,
} from './identity-fixture.js';
import {
  expected,
  GREETING,
  LABEL,
  ROWS,
  WHO,
  type Ctx,
  type Data,
  type Outcome,
  type Who,
} from './authorization-table.js';

/**
 * Every root field × every kind of caller × both transports, generated from ACCESS and the table in
 * authorization-table.ts. Tenant `acme` owns the plugin, the executions and the pattern the documents name.
 */

let wre: BootedApp;
let fake: FakePlugin;
const keys = {} as Record<Who, string | null>;
let temps = 0;
const ctx: Ctx = {
  plugin: 'acme_greeter',
  execution: '',
  pattern: '',
  endpoint: '',
  async acmeTempPlugin() {
    const name = `acme_temp_${++temps}`;
    ok(await wre.gqlAs(keys.operatorA, REGISTER, { input: pluginInput(name, fake.endpoint, ['temp']) }));
    return name;
  },
  freshKeyId: async () => (await issueKey(wre, 'acme', 'READER', 'to-revoke')).id,
};

/** An answer without errors: ALLOWED when it shows acme's resource (or the row has no such notion), else HIDDEN. */
function judge(field: string, data: Data): Outcome {
  const row = ROWS[field]!;
  const name = field.split('.')[1]!;
  if (data?.[name] === undefined) return 'NO_DATA';
  if (!row.showsA) return data[name] === null ? 'NO_DATA' : 'ALLOWED';
  return row.showsA(data, ctx) ? 'ALLOWED' : 'HIDDEN';
}

type Transport = 'HTTP' | 'WebSocket';
const tally: Record<Transport, Record<string, number>> = { HTTP: {}, WebSocket: {} };
const record = (t: Transport, outcome: Outcome): void => void (tally[t][outcome] = (tally[t][outcome] ?? 0) + 1);

async function overHttp(field: string, who: Who): Promise<Outcome> {
  const row = ROWS[field]!;
  const vars = row.vars ? await row.vars(ctx) : undefined;
  const key = keys[who];
  const res = await postGraphql(wre.url, row.doc, key ? { authorization: `Bearer ${key}` } : {}, vars);
  const body = JSON.parse(res.body) as GqlResult;
  const code = codeOf(body);
  // No credentials is refused before GraphQL, with the HTTP status that says so.
  if (code === 'UNAUTHENTICATED') expect(res.status).toBe(401);
  return code ?? judge(field, body.data);
}

async function overWebSocket(field: string, who: Who): Promise<Outcome> {
  const row = ROWS[field]!;
  const vars = row.vars ? await row.vars(ctx) : undefined;
  const outcome = await wsOnce(wre, keys[who], row.doc, vars);
  return wsCode(outcome) ?? judge(field, outcome.result?.data);
}

const OPERATIONS = Object.keys(ROWS).filter((f) => !f.startsWith('Subscription.'));
const SUBSCRIPTIONS = Object.keys(ROWS).filter((f) => f.startsWith('Subscription.'));
const cells = (fields: string[]) => fields.flatMap((field) => WHO.map((who) => ({ field, who, label: LABEL[who] })));

beforeAll(async () => {
  fake = await startFakePlugin();
  ctx.endpoint = fake.endpoint;
  const dir = mkdtempSync(join(tmpdir(), 'wre-e2e-matrix-'));
  const skillsDir = writeSkill(dir, 'greet', 'greeting', ctx.plugin);
  wre = await bootApp({ WRE_SKILLS_DIR: skillsDir }, dir);
  keys.anonymous = null;
  keys.admin = TEST_ADMIN_KEY;
  keys.readerA = (await issueKey(wre, 'acme', 'READER')).key;
  keys.operatorA = (await issueKey(wre, 'acme', 'OPERATOR')).key;
  keys.operatorB = (await issueKey(wre, 'globex', 'OPERATOR')).key;
  // acme owns a plugin, an execution, a learned pattern and a skill outcome: what the documents act on.
  ok(await wre.gqlAs(keys.operatorA, REGISTER, { input: pluginInput(ctx.plugin, fake.endpoint) }));
  const input = { ...GREETING(ctx), params: { name: 'Ada', channel: 'ops' } };
  ctx.execution = ok(await wre.gqlAs(keys.operatorA, EXECUTE, { input })).executeOperation.id;
  const again = { ...input, params: { name: 'Bob', channel: 'dev' } };
  const recalled = ok(await wre.gqlAs(keys.operatorA, EXECUTE, { input: again })).executeOperation;
  expect(recalled.recalled).toBe(true);
  ctx.pattern = recalled.patternId;
  const skill = { skillName: 'greet', agent: 'setup', inputContext: { name: 'Cy', channel: 'ops' } };
  expect(ok(await wre.gqlAs(keys.operatorA, EXECUTE_SKILL, { input: skill })).executeSkill.success).toBe(true);
});

afterAll(async () => {
  const line = (t: Transport): string => {
    const { ALLOWED = 0, HIDDEN = 0, ...refused } = tally[t];
    const total = Object.values(tally[t]).reduce((a, b) => a + b, 0);
    const refusedTotal = Object.values(refused).reduce((a, b) => a + b, 0);
    const detail = Object.entries(refused)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    return `${t} ${total} cells: ${ALLOWED} allowed, ${HIDDEN} answered without the other tenant's data, ${refusedTotal} refused (${detail})`;
  };
  console.log(`authorization matrix — ${line('HTTP')}; ${line('WebSocket')}`);
  await wre?.close();
  await fake?.close();
  if (wre) removeDir(wre.dir);
});

describe('the table', () => {
  it("covers exactly the schema's root fields, and ACCESS gives each the role the issue names", async () => {
    const q = `{ __schema { queryType { fields { name } } mutationType { fields { name } }
      subscriptionType { fields { name } } } }`;
    const s = ok(await wre.gql(q)).__schema;
    const names = (type: string, t: { fields: { name: string }[] } | null) =>
      (t?.fields ?? []).map((f) => `${type}.${f.name}`);
    const schema = [
      ...names('Query', s.queryType),
      ...names('Mutation', s.mutationType),
      ...names('Subscription', s.subscriptionType),
    ].sort();
    expect(Object.keys(ROWS).sort()).toEqual(schema);
    expect(Object.keys(ACCESS).sort()).toEqual(schema);
    const least = Object.fromEntries(Object.entries(ROWS).map(([f, r]) => [f, r.least]));
    expect({ ...ACCESS }).toEqual(least);
  });
});

describe('over HTTP', () => {
  it.each(cells(OPERATIONS))('$field as $label', async ({ field, who }) => {
    const outcome = await overHttp(field, who);
    record('HTTP', outcome);
    expect(outcome).toBe(expected(field, who));
  });
});

describe('over WebSocket', () => {
  it.each(cells(OPERATIONS))('$field as $label', async ({ field, who }) => {
    const outcome = await overWebSocket(field, who);
    record('WebSocket', outcome);
    expect(outcome).toBe(expected(field, who));
  });

  describe('subscriptions, to an execution of acme while it runs', () => {
    type Item = { streamId: string; type: string };
    const live = {} as Record<Who, { sub: LiveSubscription<Item>; roundTrip: () => Promise<unknown> }>;
    const observed = {} as Record<Who, Outcome>;

    // One execution of acme's, held at its first step; every caller subscribes to it by id, then it finishes.
    beforeAll(async () => {
      const hold = fake.holdNextStep();
      const running = wre.gqlAs(keys.operatorA, EXECUTE, { input: GREETING(ctx) });
      const finishedEarly = running.then((r) => Promise.reject(new Error(`no step was held: ${JSON.stringify(r)}`)));
      const id = await Promise.race([hold.reached, finishedEarly]);
      for (const who of WHO) {
        const client = wsClient(wre, keys[who]);
        const pick = (d: Record<string, unknown>) => d.executionEvents as Item;
        const sub = subscribe(client, ROWS['Subscription.executionEvents']!.doc, { id }, pick);
        live[who] = { sub, roundTrip: () => wsRun(client, `{ me { id } }`) };
      }
      // Everyone with credentials is attached to the live feed before the execution goes on.
      await wre.rt.feed.waitForListeners(WHO.length - 1);
      hold.release();
      const done = ok(await running).executeOperation;
      const end = (i: Item) => i.type === 'ExecutionSucceeded' && i.streamId === `execution-${done.id}`;
      await live.admin.sub.waitFor(end);
      for (const who of WHO) {
        const { sub, roundTrip } = live[who];
        // The admin saw the end, so the feed has offered every event to every subscription; a round trip on the
        // same socket flushes anything the server was about to send (and meets a refused socket's close).
        if (who === 'anonymous') await sub.ended;
        else await roundTrip();
        if (sub.end) {
          observed[who] = endCode(sub.end.error);
          continue;
        }
        const sawEnd = sub.received.some(end);
        observed[who] = sawEnd ? 'ALLOWED' : sub.received.length > 0 ? 'PARTIAL' : 'HIDDEN';
      }
    });

    it.each(cells(SUBSCRIPTIONS))('$field as $label', ({ field, who }) => {
      record('WebSocket', observed[who]);
      expect(observed[who]).toBe(expected(field, who));
    });
  });
});
