import { relative } from 'node:path';
import { withMetadata } from '#kernel';
import {
  actorOf,
  pathCheckStream,
  requireRole,
  SYSTEM_PRINCIPAL,
  type ModulePathValidated,
  type Principal,
} from '#domain';
import { validateModulePath as checkModulePath } from '#validation';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { workspaceOf } from '../runtime/tenant-workspace.js';

export interface PathValidation {
  valid: boolean;
  reason: string | null;
}

/**
 * Checks a module path against the caller's tenant's workspace (existing directory, inside the root after symlinks, module layout)
 * and records the decision as ModulePathValidated. The stored `resolved` path is workspace-relative.
 */
export async function validateModulePath(
  rt: Pick<WreRuntime, 'store' | 'clock' | 'ids' | 'config'>,
  path: unknown,
  by: Principal = SYSTEM_PRINCIPAL,
): Promise<PathValidation> {
  requireRole(by, 'OPERATOR', 'validating a module path');
  const root = workspaceOf(rt.config, by.tenant);
  const text = typeof path === 'string' ? path : String(path);
  const result = await checkModulePath(root, text);
  const resolved = result.resolved ? relative(root, result.resolved) || '.' : null;
  const event: ModulePathValidated = {
    type: 'ModulePathValidated',
    data: { path: text.slice(0, 4096), valid: result.valid, reason: result.reason, resolved },
  };
  const id = rt.ids.next();
  const ctx = { commandId: id, correlationId: id, causationId: id, ...actorOf(by) };
  await rt.store.appendToStream(pathCheckStream(id), withMetadata([event], ctx, rt.clock), {
    expectedRevision: 'no_stream',
  });
  return { valid: result.valid, reason: result.reason };
}
