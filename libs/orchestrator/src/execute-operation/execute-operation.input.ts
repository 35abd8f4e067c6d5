import { BadInputError, isPlainObject, stableStringify, type JsonObject } from '#kernel';
import { OPERATION_TYPE_PATTERN, requireRole, SYSTEM_PRINCIPAL, type Principal } from '#domain';
import type { SkillLoadFailed, SkillRef } from '#domain';
import type { SkillConstraints } from '#validation';

/** Set by executeSkill: which skill the operation runs for and what it adds (instructions, tool list, throttle). */
export interface SkillContext {
  ref: SkillRef;
  constraints: SkillConstraints;
  instructions: string;
  failure: SkillLoadFailed['data'] | null;
}

/** What a caller asks for: the seed's `execute({ type, plugin?, ...params })`, made explicit. */
export interface ExecuteOperationInput {
  type: string;
  plugin?: string | null;
  params?: unknown;
  commandId?: string | null;
  /** Overrides throttling (recorded as forced). */
  force?: boolean | null;
  /** Ids of requires-approval rules (`<protocol>/<rule>`) the caller approves for this execution. */
  approvals?: readonly string[] | null;
  /** Who asks (default: the service itself, for in-process callers); the API passes the authenticated principal. */
  by?: Principal;
  /** executeSkill's `agent`: recorded as a claim beside the principal. */
  agent?: string;
  skill?: SkillContext;
}

export interface ValidExecuteInput {
  type: string;
  plugin: string | null;
  params: JsonObject;
  commandId: string | null;
  force: boolean;
  approvals: string[];
  by: Principal;
  agent: string | null;
  skill: SkillContext | null;
}

const COMMAND_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const APPROVAL = /^[A-Za-z0-9_.:*-]{1,64}\/[a-z0-9_-]{1,64}$/;

function readApprovals(raw: unknown): string[] {
  if (raw == null) return [];
  if (!Array.isArray(raw) || raw.length > 32 || !raw.every((a) => typeof a === 'string' && APPROVAL.test(a))) {
    throw new BadInputError('APPROVALS_INVALID', 'approvals must be at most 32 rule ids like "ACME-7/approve-delete"');
  }
  return [...new Set(raw as string[])].sort();
}
const MAX_PARAMS_BYTES = 64 * 1024;

function assertJson(value: unknown, path: string, depth: number): void {
  if (depth > 32) throw new BadInputError('PARAMS_INVALID', `params too deeply nested at ${path}`, { path });
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new BadInputError('PARAMS_INVALID', `params${path} is not a finite number`, { path });
    return;
  }
  if (Array.isArray(value)) return value.forEach((v, i) => assertJson(v, `${path}/${i}`, depth + 1));
  if (isPlainObject(value)) return Object.entries(value).forEach(([k, v]) => assertJson(v, `${path}/${k}`, depth + 1));
  throw new BadInputError('PARAMS_INVALID', `params${path} is not JSON (${typeof value})`, { path });
}

/** Checks the request's shape before anything is written; every failure is a typed BadInputError. */
export function validateExecuteInput(input: ExecuteOperationInput): ValidExecuteInput {
  if (!isPlainObject(input)) throw new BadInputError('BAD_USER_INPUT', 'operation must be an object with a "type"');
  if (typeof input.type !== 'string' || !OPERATION_TYPE_PATTERN.test(input.type)) {
    throw new BadInputError(
      'OPERATION_TYPE_INVALID',
      `operation type must match ${OPERATION_TYPE_PATTERN} (got ${JSON.stringify(input.type)})`,
      { type: input.type },
    );
  }
  if (input.plugin != null && typeof input.plugin !== 'string')
    throw new BadInputError('PLUGIN_NAME_INVALID', 'plugin must be a string');
  const params = input.params ?? {};
  if (!isPlainObject(params)) throw new BadInputError('PARAMS_INVALID', 'params must be a JSON object');
  assertJson(params, '', 0);
  if (Buffer.byteLength(stableStringify(params)) > MAX_PARAMS_BYTES) {
    throw new BadInputError('PARAMS_TOO_LARGE', `params exceed ${MAX_PARAMS_BYTES} bytes`);
  }
  if (input.commandId != null && (typeof input.commandId !== 'string' || !COMMAND_ID.test(input.commandId))) {
    throw new BadInputError('COMMAND_ID_INVALID', `commandId must match ${COMMAND_ID}`);
  }
  const by = input.by ?? SYSTEM_PRINCIPAL;
  requireRole(by, 'OPERATOR', 'executing an operation');
  if (input.force === true) requireRole(by, 'ADMIN', '`force` (overriding rate limits)');
  return {
    type: input.type,
    plugin: input.plugin ?? null,
    params: params as JsonObject,
    commandId: input.commandId ?? null,
    force: input.force === true,
    approvals: readApprovals(input.approvals),
    skill: input.skill ?? null,
    by,
    agent: typeof input.agent === 'string' && input.agent ? input.agent.slice(0, 128) : null,
  };
}
