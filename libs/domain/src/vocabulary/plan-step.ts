import type { JsonObject } from '#kernel';

/** A step of a plan: which tool, with which arguments. */
export interface PlanStep {
  tool: string;
  args: JsonObject;
}

/** The most steps one plan may have, whoever planned it. */
export const MAX_PLAN_STEPS = 1000;
