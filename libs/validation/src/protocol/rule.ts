import type { Operation, PlanStep, ToolDefinition } from '../../../plugins/src/plugin.types.js';

/** What a rule sees when judging one step before it runs. */
export interface StepCheck {
  operation: Operation;
  plugin: { name: string; tools: ToolDefinition[]; registered: boolean };
  step: PlanStep;
  stepIndex: number;
  /** Whether the plan came from pattern memory (recalled) or a planner (computed). */
  source: 'recalled' | 'computed';
}

export type RuleOutcome = { allowed: true } | { allowed: false; reason: string };

/** A protocol rule. `id` is `<protocol>/<rule>` (e.g. `WSP-50/args-schema`) and is what decisions cite. */
export interface Rule {
  readonly id: string;
  check(input: StepCheck): RuleOutcome;
}

export interface Verdict {
  allowed: boolean;
  /** Every rule consulted, in order: the step's citation chain (WSP 82). */
  citations: string[];
  deniedBy?: string;
  reason?: string;
}
