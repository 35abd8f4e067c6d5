import type { JsonValue } from '#kernel';
import type { ArgsSchema, ComputedPlan, Operation, PlanStep, ToolDefinition } from '#domain';

// The shared vocabulary lives in libs/domain; plugin authors get it from here too.
export {
  MAX_PLAN_STEPS,
  OPERATION_TYPE_PATTERN,
  TOOL_NAME_PATTERN,
  ZERO_TOKENS,
  addTokens,
  type ArgsSchema,
  type ComputedPlan,
  type Operation,
  type PlanStep,
  type TokenUsage,
  type ToolDefinition,
} from '#domain';

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
