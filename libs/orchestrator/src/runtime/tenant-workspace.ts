import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TENANT } from '#kernel';
import { assertTenant } from '#domain';
import type { WreConfig } from '../config/index.js';

/**
 * The directory a tenant's plugins act in and its paths resolve against: `WRE_WORKSPACE` for tenant `default`,
 * `<WRE_TENANT_WORKSPACES>/<tenant>` for every other one (created on first use). The path guard keeps every step
 * inside it, so one tenant's tools never read or write another tenant's files.
 */
export function workspaceOf(config: Pick<WreConfig, 'workspaceRoot' | 'tenantWorkspacesRoot'>, tenant: string): string {
  if (tenant === DEFAULT_TENANT) return config.workspaceRoot;
  const dir = join(config.tenantWorkspacesRoot, assertTenant(tenant));
  mkdirSync(dir, { recursive: true });
  return dir;
}
