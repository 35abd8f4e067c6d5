import { AuthError, BadInputError, safeEqual, withMetadata } from '#kernel';
import {
  API_KEY_ID,
  apiKeyIdOf,
  apiKeyStream,
  assertTenant,
  decideApiKey,
  evolveApiKey,
  hashApiKey,
  initialApiKeyState,
  newApiKey,
  requireRole,
  ROLES,
  SYSTEM_PRINCIPAL,
  type ApiKeyCommand,
  type ApiKeyEvent,
  type ApiKeyState,
  type Principal,
  type Role,
} from '#domain';
import { getApiKey, type ApiKeyDoc } from '#projections';
import { loadStream } from '../runtime/load-stream.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';

type KeyDeps = Pick<WreRuntime, 'store' | 'readModel' | 'projector' | 'clock' | 'ids'>;
/** What appending a key event needs: the log only (the keys CLI works on a store a live api projects). */
export type KeyLogDeps = Pick<WreRuntime, 'store' | 'clock' | 'ids'>;

export interface IssueApiKeyInput {
  tenant: string;
  role: string;
  name?: string | null;
}

/** The one time a key is shown: to whoever issued it. */
export interface IssuedApiKey {
  id: string;
  key: string;
  tenant: string;
  role: Role;
  name: string | null;
}

async function handle(rt: KeyLogDeps, id: string, command: ApiKeyCommand, by: Principal): Promise<bigint> {
  const stream = apiKeyStream(id);
  const loaded = await loadStream<ApiKeyState, ApiKeyEvent>(rt.store, stream, initialApiKeyState, evolveApiKey);
  const events = decideApiKey(command, loaded.state);
  if (events.length === 0) return loaded.lastPosition;
  const commandId = rt.ids.next();
  const ctx = { commandId, correlationId: commandId, causationId: commandId, actor: by.id, tenant: by.tenant };
  const stamped = withMetadata(events, ctx, rt.clock);
  return (await rt.store.appendToStream(stream, stamped, { expectedRevision: loaded.revision })).position;
}

const readRole = (raw: string): Role => {
  const role = raw.toUpperCase();
  if (!(ROLES as readonly string[]).includes(role))
    throw new BadInputError('BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}`, { role: raw.slice(0, 32) });
  return role as Role;
};

/** Appends ApiKeyIssued (only the key's hash) and returns the key, once, with the position to wait for. */
export async function recordApiKeyIssued(
  rt: KeyLogDeps,
  input: IssueApiKeyInput,
  by: Principal = SYSTEM_PRINCIPAL,
): Promise<{ issued: IssuedApiKey; position: bigint }> {
  requireRole(by, 'ADMIN', 'issuing API keys');
  const tenant = assertTenant(input.tenant);
  const role = readRole(input.role);
  const name = input.name ? input.name.slice(0, 128) : null;
  const { id, key, keyHash } = newApiKey();
  const position = await handle(rt, id, { type: 'IssueApiKey', id, tenant, role, name, keyHash }, by);
  return { issued: { id, key, tenant, role, name }, position };
}

/** Appends ApiKeyRevoked (final; a second revoke writes nothing); API_KEY_NOT_FOUND for an unknown id. */
export async function recordApiKeyRevoked(
  rt: KeyLogDeps,
  id: string,
  by: Principal = SYSTEM_PRINCIPAL,
  reason: string | null = null,
): Promise<bigint> {
  requireRole(by, 'ADMIN', 'revoking API keys');
  if (!API_KEY_ID.test(id)) throw new BadInputError('API_KEY_NOT_FOUND', `no API key has id "${id.slice(0, 64)}"`);
  return handle(rt, id, { type: 'RevokeApiKey', id, reason }, by);
}

/** ADMIN issues a key for a tenant and role: ApiKeyIssued stores its hash; the key itself is returned once. */
export async function issueApiKey(
  rt: KeyDeps,
  input: IssueApiKeyInput,
  by: Principal = SYSTEM_PRINCIPAL,
): Promise<IssuedApiKey> {
  const { issued, position } = await recordApiKeyIssued(rt, input, by);
  await rt.projector.waitFor(position);
  return issued;
}

/** ADMIN revokes a key (final); its requests are refused from now on and its open sockets close. */
export async function revokeApiKey(
  rt: KeyDeps,
  id: string,
  by: Principal = SYSTEM_PRINCIPAL,
  reason: string | null = null,
): Promise<ApiKeyDoc> {
  const position = await recordApiKeyRevoked(rt, id, by, reason);
  await rt.projector.waitFor(position);
  const doc = await getApiKey(rt.readModel, id);
  if (!doc) throw new BadInputError('API_KEY_NOT_FOUND', `no API key has id "${id}"`);
  return doc;
}

/**
 * The principal an API key stands for, read from the key's own stream in the event log — never from a read model,
 * so a rebuild or a writer of the read model cannot revive a revoked key or change a key's role. UNAUTHENTICATED
 * when the key is unknown, malformed or revoked.
 */
export async function authenticateApiKey(rt: Pick<WreRuntime, 'store'>, key: string): Promise<Principal> {
  const id = apiKeyIdOf(key);
  const { state } = id
    ? await loadStream<ApiKeyState, ApiKeyEvent>(rt.store, apiKeyStream(id), initialApiKeyState, evolveApiKey)
    : { state: initialApiKeyState };
  const issued = state.issued;
  if (!issued || !safeEqual(issued.keyHash, hashApiKey(key)))
    throw new AuthError('UNAUTHENTICATED', 'the API key is not valid');
  if (state.status !== 'active') throw new AuthError('UNAUTHENTICATED', 'the API key has been revoked');
  return { id: issued.id, tenant: issued.tenant, role: issued.role, via: 'api_key' };
}

/** Whether the key id names an issued, unrevoked key (its stream in the log says so). */
export async function apiKeyIsActive(rt: Pick<WreRuntime, 'store'>, keyId: string): Promise<boolean> {
  if (!API_KEY_ID.test(keyId)) return false;
  const loaded = await loadStream<ApiKeyState, ApiKeyEvent>(
    rt.store,
    apiKeyStream(keyId),
    initialApiKeyState,
    evolveApiKey,
  );
  return loaded.state.status === 'active';
}
