import type { FieldValue } from '#stores/read-model';

/** A per-tenant statistic's document id (tenant names never contain `/`, so two tenants' ids cannot collide). */
export const tenantKey = (tenant: string, key: string): string => `${tenant}/${key}`;

/** The `where` of a read scoped to one tenant, or to every tenant (`null`); undefined when nothing narrows it. */
export function tenantWhere(
  tenant: string | null,
  where: Record<string, FieldValue> = {},
): Record<string, FieldValue> | undefined {
  const all = tenant === null ? where : { ...where, tenant };
  return Object.keys(all).length === 0 ? undefined : all;
}

/** A document as a reader sees it: the statistic, not whose it is (the reader chose the tenant). */
export const withoutTenant = <T extends { tenant: string }>({ tenant: _, ...rest }: T): Omit<T, 'tenant'> => rest;

/** `a` with every numeric field of `b` added in; other fields keep `a`'s values. */
export function addCounts<T extends object>(a: T, b: T): T {
  const sum = { ...a } as Record<string, unknown>;
  for (const [field, value] of Object.entries(b)) {
    const mine = sum[field];
    if (typeof value === 'number' && typeof mine === 'number') sum[field] = mine + value;
  }
  return sum as T;
}

/**
 * Folds one document per (tenant, key) into one per key, in the order keys first appear, without the tenant: for a
 * single-tenant history the result equals that tenant's documents.
 */
export function acrossTenants<T extends { tenant: string }>(
  docs: readonly T[],
  keyOf: (doc: T) => string,
  merge: (a: Omit<T, 'tenant'>, b: Omit<T, 'tenant'>) => Omit<T, 'tenant'> = addCounts,
): Omit<T, 'tenant'>[] {
  const byKey = new Map<string, Omit<T, 'tenant'>>();
  for (const doc of docs) {
    const key = keyOf(doc);
    const seen = byKey.get(key);
    byKey.set(key, seen ? merge(seen, withoutTenant(doc)) : withoutTenant(doc));
  }
  return [...byKey.values()];
}
