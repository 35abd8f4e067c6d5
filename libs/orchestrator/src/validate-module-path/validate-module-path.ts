import { relative } from 'node:path';
import { pathCheckStream } from '../../../domain/src/index.js';
import { withMetadata, type Clock, type IdGenerator } from '../../../kernel/src/index.js';
import type { EventStore } from '../../../stores/src/event-store/event-store.port.js';
import type { ModulePathValidated } from '../../../domain/src/index.js';
import { validateModulePath as checkModulePath } from '../../../validation/src/path-guard/index.js';

export interface PathValidation {
  valid: boolean;
  reason: string | null;
}

/**
 * Checks a module path against the workspace (existing directory, inside the root after symlinks, module layout)
 * and records the decision as ModulePathValidated. The stored `resolved` path is workspace-relative.
 */
export async function validateModulePath(
  deps: { store: EventStore; clock: Clock; ids: IdGenerator; workspaceRoot: string },
  path: unknown,
  actor = 'anonymous',
): Promise<PathValidation> {
  const text = typeof path === 'string' ? path : String(path);
  const result = await checkModulePath(deps.workspaceRoot, text);
  const resolved = result.resolved ? relative(deps.workspaceRoot, result.resolved) || '.' : null;
  const event: ModulePathValidated = {
    type: 'ModulePathValidated',
    data: { path: text.slice(0, 4096), valid: result.valid, reason: result.reason, resolved },
  };
  const id = deps.ids.next();
  const ctx = { commandId: id, correlationId: id, causationId: id, actor };
  await deps.store.appendToStream(pathCheckStream(id), withMetadata([event], ctx, deps.clock), {
    expectedRevision: 'no_stream',
  });
  return { valid: result.valid, reason: result.reason };
}
