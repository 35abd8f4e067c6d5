import type { RecordedEvent } from '#kernel';
import type { Projection } from '#stores/read-model';

/**
 * Spec-only: the projection fed events as if `tenantOf(event)` had written them. projectionSpec records no tenant,
 * so an event this returns undefined for keeps none and reads as `default`, as history from before tenants does.
 */
export function inTenants(projection: Projection, tenantOf: (event: RecordedEvent) => string | undefined): Projection {
  return {
    ...projection,
    apply(event, tx) {
      const tenant = tenantOf(event);
      return projection.apply(tenant === undefined ? event : { ...event, metadata: { ...event.metadata, tenant } }, tx);
    },
  };
}
