import type { JsonObject } from '#kernel';

/** The operation as plugins and planners see it: its type and its parameters (everything but `type`/`plugin`). */
export interface Operation {
  type: string;
  params: JsonObject;
  /** Planner guidance for this operation: a skill's instructions (or their generated fallback), when run as a skill. */
  instructions?: string;
}
