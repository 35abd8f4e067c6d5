import type { Operation, PlanStep, ToolDefinition, TokenUsage } from '#domain';
import type { RuleKind } from './protocol.types.js';

/** What a rule sees when judging one step before it runs. */
export interface StepCheck {
  operation: Operation;
  plugin: { name: string; tools: readonly ToolDefinition[]; registered: boolean };
  step: PlanStep;
  stepIndex: number;
  /** Whether the plan came from pattern memory (recalled) or a planner (computed). */
  source: 'recalled' | 'computed';
  /** The whole plan the step belongs to, with what planning it cost. */
  plan: { steps: readonly PlanStep[]; tokens: TokenUsage };
  /** Absolute workspace root; path rules resolve arguments against it. */
  workspaceRoot: string;
  /** Rule ids (`<protocol>/<rule>`) the requester approved in advance. */
  approvals: readonly string[];
  /** The skill this execution runs for, if any. */
  skill: string | null;
  /**
   * Per-decision scratch space (set by evaluateStep): rules that resolve the same path on disk share one
   * resolution within a decision instead of each paying the syscalls.
   */
  memo?: Map<string, unknown>;
}

export type RuleOutcome = { allowed: true } | { allowed: false; reason: string };

export const ALLOW: RuleOutcome = { allowed: true };
export const deny = (reason: string): RuleOutcome => ({ allowed: false, reason });

/** A compiled protocol rule. `id` is `<protocol>/<rule>` (e.g. `WSP-50/args-schema`) and is what decisions cite. */
export interface Rule {
  readonly id: string;
  readonly kind: RuleKind | 'citation-chain' | 'skill-allowed-tools';
  /** Whether the rule concerns this step at all; a rule that does not apply is not consulted (not cited). */
  applies(input: StepCheck): boolean;
  /** `consulted` is the citation chain so far (this rule excluded). */
  check(input: StepCheck, consulted: readonly string[]): RuleOutcome;
}

export interface Verdict {
  allowed: boolean;
  /** Every rule consulted, in order: the step's citation chain (WSP 82). */
  citations: string[];
  deniedBy?: string;
  reason?: string;
}
