import type { JsonObject, JsonValue } from '../../kernel/src/index.js';

/** A JSON Schema subset used for tool arguments (see libs/validation args-schema). */
export type ArgsSchema = JsonObject;

/** One atomic step a plugin can run. */
export interface ToolDefinition {
  name: string;
  description?: string;
  argsSchema: ArgsSchema;
  /** Deletes or overwrites data; the WSP 64 destructive-action guard applies to it. */
  destructive?: boolean;
  /** Tools may declare path arguments with `format: "path"` in argsSchema; path rules check them. */
}

/** A step of a plan: which tool, with which arguments. */
export interface PlanStep {
  tool: string;
  args: JsonObject;
}

export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

/** What a planner returns. `planner` names it honestly (e.g. `deterministic:module_scaffolder`, `openai:gpt-4o`). */
export interface ComputedPlan {
  steps: PlanStep[];
  planner: string;
  tokens: TokenUsage;
}

/** The operation as plugins see it: its type and its parameters (everything but `type`/`plugin`). */
export interface Operation {
  type: string;
  params: JsonObject;
  /** Planner guidance for this operation: a skill's instructions (or their generated fallback), when run as a skill. */
  instructions?: string;
}

/** Given to a tool when it runs: where it may act and who asked. */
export interface StepContext {
  executionId: string;
  stepIndex: number;
  /** Absolute path of the workspace root; tools that touch files stay inside it. */
  workspaceRoot: string;
  operation: Operation;
  /** Outputs of the steps that already ran in this execution, by index. */
  previousOutputs: JsonValue[];
  signal?: AbortSignal;
}

/**
 * What the orchestrator needs of a plugin at run time, whatever it was registered as
 * (an OrchestratorPlugin subclass, a plain object with `execute(task)`, or a remote HTTP plugin).
 */
export interface RuntimePlugin {
  readonly name: string;
  readonly kind: 'in_process' | 'remote';
  readonly operationTypes: string[];
  readonly tools: ToolDefinition[];
  /**
   * Optional schema (same subset as `argsSchema`) for the params of each operation type this plugin handles,
   * keyed by operation type; lets the orchestrator refuse bad params before anything is recorded.
   */
  readonly paramsSchemas?: Record<string, ArgsSchema>;
  /**
   * Params whose values (not just their types) need different plans, per operation type (e.g. `target_os`): they
   * are part of the pattern-memory recall key, so a plan learned for one value is never served for another.
   */
  readonly recallKeyParams?: Record<string, string[]>;
  /** The "compute" path. Absent: the configured LLM planner plans with this plugin's tools, if there is one. */
  plan?(operation: Operation): Promise<ComputedPlan>;
  runStep(step: PlanStep, ctx: StepContext): Promise<JsonValue>;
}

export const ZERO_TOKENS: TokenUsage = { prompt: 0, completion: 0, total: 0 };
