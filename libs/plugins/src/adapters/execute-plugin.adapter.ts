import { ZERO_TOKENS } from '#domain';
import type { JsonObject, JsonValue } from '#kernel';
import type { RuntimePlugin, StepContext } from '../plugin.types.js';
import type { ArgsSchema, ComputedPlan, Operation, PlanStep, ToolDefinition } from '#domain';
import { readOperationTypes, readParamsSchemas } from '../sdk/plugin-shape.js';
import { callPlannerGuarded, runToolGuarded, toolNotFound } from '../sdk/run-guarded.js';
import { validatePlan, type PlanCheck } from '../sdk/validate-plan.js';

/** The single tool a legacy `execute(task)` plugin is seen as. */
export const EXECUTE_TOOL: ToolDefinition = {
  name: 'execute',
  description: "Calls the plugin's execute(task) with { type, ...args }",
  argsSchema: { type: 'object' },
};

/** A legacy plugin: anything with `execute(task)`, optionally `operationTypes` and `plan(operation)`. */
export interface ExecuteCandidate {
  execute(task: JsonObject): unknown;
  operationTypes?: unknown;
  paramsSchemas?: unknown;
  plan?: unknown;
}

/**
 * Wraps a plain object or class instance whose only contract is `execute(task)`. Without its own planner
 * the plan is a honest passthrough: one `execute` step carrying the operation params, zero tokens.
 */
export class ExecutePluginAdapter implements RuntimePlugin {
  readonly kind = 'in_process' as const;
  readonly operationTypes: string[];
  readonly tools: ToolDefinition[] = [EXECUTE_TOOL];
  readonly paramsSchemas?: Record<string, ArgsSchema>;
  private readonly check: PlanCheck;

  constructor(
    readonly name: string,
    private readonly candidate: ExecuteCandidate,
  ) {
    this.operationTypes = readOperationTypes(name, candidate.operationTypes);
    const paramsSchemas = readParamsSchemas(name, candidate.paramsSchemas);
    if (paramsSchemas !== undefined) this.paramsSchemas = paramsSchemas;
    this.check = { plugin: name, toolNames: new Set([EXECUTE_TOOL.name]), defaultPlanner: 'passthrough' };
  }

  async plan(operation: Operation): Promise<ComputedPlan> {
    const own = this.candidate.plan;
    if (typeof own === 'function') {
      return validatePlan(this.check, await callPlannerGuarded(this.name, () => own.call(this.candidate, operation)));
    }
    return {
      steps: [{ tool: EXECUTE_TOOL.name, args: { ...operation.params } }],
      planner: 'passthrough',
      tokens: { ...ZERO_TOKENS },
    };
  }

  runStep(step: PlanStep, ctx: StepContext): Promise<JsonValue> {
    if (step.tool !== EXECUTE_TOOL.name) return Promise.reject(toolNotFound(this.name, step.tool));
    return runToolGuarded(this.name, step.tool, ctx, () =>
      this.candidate.execute({ type: ctx.operation.type, ...step.args }),
    );
  }
}
