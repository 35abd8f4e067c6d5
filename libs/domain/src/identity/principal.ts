import { AuthError, BadInputError, DEFAULT_TENANT } from '#kernel';

/** READER reads and subscribes in its tenant; OPERATOR also executes and owns plugins; ADMIN runs the service. */
export const ROLES = ['ADMIN', 'OPERATOR', 'READER'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { READER: 1, OPERATOR: 2, ADMIN: 3 };

/** How a principal proved who it is. */
export type AuthMethod = 'api_key' | 'bootstrap_key' | 'jwt' | 'system';

/** Who is asking: every request and every event has one. */
export interface Principal {
  /** `key_…` for API keys, `admin` for the bootstrap key, `jwt:<sub>` for tokens (one issuer per deployment), `system` for the service. */
  id: string;
  tenant: string;
  role: Role;
  via: AuthMethod;
  /** Tokens only: when the credential stops being valid (unix seconds); a socket opened with it closes then. */
  expiresAt?: number;
}

/** The service itself: registers built-ins at start, recovers interrupted executions; the in-process facade. */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  tenant: DEFAULT_TENANT,
  role: 'ADMIN',
  via: 'system',
});

export const TENANT_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function assertTenant(raw: unknown): string {
  if (typeof raw !== 'string' || !TENANT_PATTERN.test(raw)) {
    throw new BadInputError('TENANT_INVALID', `tenant must match ${TENANT_PATTERN}`, {
      tenant: String(raw).slice(0, 64),
    });
  }
  return raw;
}

export const roleAllows = (role: Role, required: Role): boolean => RANK[role] >= RANK[required];

export const isAdmin = (p: Principal): boolean => p.role === 'ADMIN';

/** Throws FORBIDDEN unless the principal's role is at least `required`. */
export function requireRole(p: Principal, required: Role, what: string): void {
  if (!roleAllows(p.role, required)) {
    throw new AuthError('FORBIDDEN', `${what} needs role ${required} (you are ${p.role})`, { required });
  }
}

/** Whether the principal may see or act on something of `tenant` (ADMIN: every tenant). */
export const canAccessTenant = (p: Principal, tenant: string): boolean => isAdmin(p) || p.tenant === tenant;

/**
 * The tenant filter of a read: its own tenant for OPERATOR and READER (a `requested` other tenant is FORBIDDEN);
 * ADMIN sees every tenant (`null`) unless it asks for one.
 */
export function readScope(p: Principal, requested?: string | null): string | null {
  if (requested != null) {
    const tenant = assertTenant(requested);
    if (!canAccessTenant(p, tenant)) {
      throw new AuthError('FORBIDDEN', `principal of tenant ${p.tenant} cannot read tenant ${tenant}`, { tenant });
    }
    return tenant;
  }
  return isAdmin(p) ? null : p.tenant;
}

/** Command context fields every write carries: the principal as actor, its tenant. */
export const actorOf = (p: Principal): { actor: string; tenant: string } => ({ actor: p.id, tenant: p.tenant });
