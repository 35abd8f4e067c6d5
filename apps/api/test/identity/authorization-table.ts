import type { Role } from '#domain';
import { ACCESS } from '../../src/common/identity/access-policy.js';
import { EXECUTE, EXECUTE_SKILL, pluginInput, REGISTER } from './identity-fixture.js';

/**
 * The authorization matrix's one table: per root field, the least role (checked against ACCESS, which the guard
 * enforces), a minimal document acting on tenant acme's resources, and what a caller who has the role but not the
 * tenant gets. Callers: anonymous, READER and OPERATOR of acme, OPERATOR of globex, ADMIN (tenant default).
 */

export type Who = 'anonymous' | 'readerA' | 'operatorA' | 'operatorB' | 'admin';
export const WHO: Who[] = ['anonymous', 'readerA', 'operatorA', 'operatorB', 'admin'];
export const LABEL: Record<Who, string> = {
  anonymous: 'anonymous',
  readerA: 'READER of acme',
  operatorA: 'OPERATOR of acme',
  operatorB: 'OPERATOR of globex',
  admin: 'ADMIN',
};
const ROLE_OF: Record<Exclude<Who, 'anonymous'>, Role> = {
  readerA: 'READER',
  operatorA: 'OPERATOR',
  operatorB: 'OPERATOR',
  admin: 'ADMIN',
};
const RANK: Record<Role, number> = { READER: 1, OPERATOR: 2, ADMIN: 3 };

/** ALLOWED: answered with acme's resource; HIDDEN: answered, but acme's resource is not in it; else the error code. */
export type Outcome = 'ALLOWED' | 'HIDDEN' | (string & {});

/** What the documents act on (acme's), and how a cell prepares a resource of its own. */
export interface Ctx {
  plugin: string;
  execution: string;
  pattern: string;
  endpoint: string;
  /** Registers a fresh plugin of acme's and returns its name. */
  acmeTempPlugin(): Promise<string>;
  /** Issues a fresh key and returns its id. */
  freshKeyId(): Promise<string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents answer shapes declared by the query text
export type Data = any;

export interface Row {
  /** The least role the issue gives this field (checked against ACCESS, which the guard enforces). */
  least: Role;
  doc: string;
  /** Variables, prepared per cell (e.g. a fresh plugin to deregister). */
  vars?: (ctx: Ctx) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Whether an answer shows acme's resource; a caller of another tenant must get an answer without it. */
  showsA?: (data: Data, ctx: Ctx) => boolean;
  /** What a caller who has the role gets when the tenant rules refuse it (default ALLOWED, or HIDDEN with showsA). */
  tenantRule?: Partial<Record<Who, Outcome>>;
}

export const GREETING = (ctx: Ctx) => ({
  type: 'greeting',
  plugin: ctx.plugin,
  params: { name: 'Mat', channel: 'matrix' },
});
const OTHER_TENANT_HIDDEN = { operatorB: 'HIDDEN' } as const;
const ids = (list: { id: string }[]): string[] => list.map((x) => x.id);

export const ROWS: Record<string, Row> = {
  'Query.me': { least: 'READER', doc: `{ me { id tenant role } }` },
  'Query.events': {
    least: 'READER',
    doc: `{ events(limit: 1000) { streamId } }`,
    showsA: (d, c) => d.events.some((e: { streamId: string }) => e.streamId === `execution-${c.execution}`),
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.execution': {
    least: 'READER',
    doc: `query($id: ID!) { execution(id: $id) { id params } }`,
    vars: (c) => ({ id: c.execution }),
    showsA: (d, c) => d.execution?.id === c.execution,
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.executions': {
    least: 'READER',
    doc: `{ executions(first: 500) { id } }`,
    showsA: (d, c) => ids(d.executions).includes(c.execution),
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.pattern': {
    least: 'READER',
    doc: `query($id: ID!) { pattern(id: $id) { id steps { tool args } } }`,
    vars: (c) => ({ id: c.pattern }),
    showsA: (d, c) => d.pattern?.id === c.pattern,
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.patterns': {
    least: 'READER',
    doc: `{ patterns { id } }`,
    showsA: (d, c) => ids(d.patterns).includes(c.pattern),
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.plugin': {
    least: 'READER',
    doc: `query($name: String!) { plugin(name: $name) { name owner endpoint } }`,
    vars: (c) => ({ name: c.plugin }),
    showsA: (d, c) => d.plugin?.name === c.plugin,
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.plugins': {
    least: 'READER',
    doc: `{ plugins { name } }`,
    showsA: (d, c) => d.plugins.some((p: { name: string }) => p.name === c.plugin),
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.protocols': { least: 'READER', doc: `{ protocols { id } }` },
  'Query.recallStats': {
    least: 'READER',
    doc: `{ recallStats { executions byOperationType { operationType } } }`,
    showsA: (d) => d.recallStats.byOperationType.some((s: { operationType: string }) => s.operationType === 'greeting'),
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.skills': {
    least: 'READER',
    doc: `{ skills { name executions } }`,
    showsA: (d) => d.skills.some((s: { name: string; executions: number }) => s.name === 'greet' && s.executions > 0),
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.tokenReport': {
    least: 'READER',
    doc: `{ tokenReport { byType { operationType executions } } }`,
    showsA: (d) => d.tokenReport.byType.some((t: { operationType: string }) => t.operationType === 'greeting'),
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Query.apiKeys': { least: 'ADMIN', doc: `{ apiKeys { id tenant role } }` },
  'Subscription.executionEvents': {
    least: 'READER',
    doc: `subscription($id: ID) { executionEvents(executionId: $id) { streamId type } }`,
    tenantRule: OTHER_TENANT_HIDDEN,
  },
  'Mutation.executeOperation': {
    least: 'OPERATOR',
    doc: EXECUTE,
    vars: (c) => ({ input: GREETING(c) }),
    // acme's plugin is not shared: another tenant cannot run it, nor can ADMIN, whose executions run in `default`.
    tenantRule: { operatorB: 'PLUGIN_NOT_FOUND', admin: 'PLUGIN_NOT_FOUND' },
  },
  'Mutation.executeSkill': {
    least: 'OPERATOR',
    doc: EXECUTE_SKILL,
    vars: () => ({ input: { skillName: 'greet', agent: 'matrix-bot', inputContext: { name: 'Sk', channel: 'm' } } }),
    tenantRule: { operatorB: 'PLUGIN_NOT_FOUND', admin: 'PLUGIN_NOT_FOUND' },
  },
  'Mutation.registerPlugin': {
    least: 'OPERATOR',
    doc: REGISTER,
    // Re-registers acme's plugin as it is: its owner and ADMIN may, another tenant may not take the name.
    vars: (c) => ({ input: pluginInput(c.plugin, c.endpoint) }),
    tenantRule: { operatorB: 'PLUGIN_NAME_TAKEN' },
  },
  'Mutation.deregisterPlugin': {
    least: 'OPERATOR',
    doc: `mutation($name: String!) { deregisterPlugin(name: $name) { name status } }`,
    // A fresh plugin of acme's for every cell, so an allowed cell does not take the next cell's target away.
    vars: async (c) => ({ name: await c.acmeTempPlugin() }),
    tenantRule: { operatorB: 'FORBIDDEN' },
  },
  'Mutation.setPluginShared': {
    least: 'ADMIN',
    // Keeps acme's plugin private (sharing it would let every tenant run it in the cells above).
    doc: `mutation($name: String!) { setPluginShared(name: $name, shared: false) { name shared } }`,
    vars: (c) => ({ name: c.plugin }),
  },
  'Mutation.validateModulePath': {
    least: 'OPERATOR',
    doc: `mutation { validateModulePath(path: "modules/finance/none") { valid } }`,
  },
  'Mutation.rebuildProjections': { least: 'ADMIN', doc: `mutation { rebuildProjections { events digest } }` },
  'Mutation.issueApiKey': {
    least: 'ADMIN',
    doc: `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { id tenant role } }`,
    vars: () => ({ input: { tenant: 'acme', role: 'READER', name: 'matrix' } }),
  },
  'Mutation.revokeApiKey': {
    least: 'ADMIN',
    doc: `mutation($id: ID!) { revokeApiKey(id: $id) { id status } }`,
    vars: async (c) => ({ id: await c.freshKeyId() }),
  },
};

/** The cell's expected outcome: from ACCESS for identity and role, from the row for the tenant rules. */
export function expected(field: string, who: Who): Outcome {
  if (who === 'anonymous') return 'UNAUTHENTICATED';
  const least = ACCESS[field];
  if (!least || RANK[ROLE_OF[who]] < RANK[least]) return 'FORBIDDEN';
  return ROWS[field]?.tenantRule?.[who] ?? 'ALLOWED';
}
