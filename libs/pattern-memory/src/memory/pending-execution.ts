import type { JsonObject, JsonValue } from '#kernel';
import type { PlanStep } from '#domain';

/** What the projection remembers of an execution until it ends. */
export interface PendingExecution {
  operationType: string;
  plugin: string;
  params: JsonObject;
  /** The recall key recorded with the request (absent on requests written before discriminators existed). */
  recallKey?: string;
  tenant: string;
  manifestHash?: string;
  computed: PlanStep[] | null;
  outputs?: JsonValue[];
  recalledPatternId: string | null;
  citations: string[];
  /** See pattern-seal.ts: a pending execution written without the service secret is never learned from. */
  seal?: string;
}
