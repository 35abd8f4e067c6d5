import type { JsonValue } from '#kernel';
import type { RuntimePlugin, StepContext } from '../plugin.types.js';
import type { ArgsSchema, ComputedPlan, Operation, PlanStep, ToolDefinition } from '#domain';
import { readOperationTypes, readParamsSchemas, validateToolDefinitions } from '../sdk/plugin-shape.js';
import { callPlannerGuarded, runToolGuarded, toolNotFound } from '../sdk/run-guarded.js';
import { validatePlan, type PlanCheck } from '../sdk/validate-plan.js';

/**
 * Re-wraps something that already speaks {@link RuntimePlugin} (e.g. a RemotePlugin, or a hand-written one)
 * so that it carries the resolved name and its plans and outputs go through the same checks as the rest.
 */
export class RuntimePluginAdapter implements RuntimePlugin {
  readonly kind: 'in_process' | 'remote';
  readonly operationTypes: string[];
  readonly tools: ToolDefinition[];
  readonly paramsSchemas?: Record<string, ArgsSchema>;
  readonly plan?: (operation: Operation) => Promise<ComputedPlan>;

  constructor(
    readonly name: string,
    private readonly inner: RuntimePlugin,
  ) {
    this.kind = inner.kind === 'remote' ? 'remote' : 'in_process';
    this.tools = validateToolDefinitions(name, inner.tools);
    this.operationTypes = readOperationTypes(name, inner.operationTypes);
    const paramsSchemas = readParamsSchemas(name, inner.paramsSchemas);
    if (paramsSchemas !== undefined) this.paramsSchemas = paramsSchemas;
    const planFn = inner.plan;
    if (typeof planFn === 'function') {
      const check: PlanCheck = {
        plugin: name,
        toolNames: new Set(this.tools.map((t) => t.name)),
        defaultPlanner: `${this.kind === 'remote' ? 'remote' : 'plugin'}:${name}`,
      };
      this.plan = async (operation) =>
        validatePlan(check, await callPlannerGuarded(name, () => planFn.call(inner, operation)));
    }
  }

  runStep(step: PlanStep, ctx: StepContext): Promise<JsonValue> {
    if (!this.tools.some((t) => t.name === step.tool)) return Promise.reject(toolNotFound(this.name, step.tool));
    return runToolGuarded(this.name, step.tool, ctx, () => this.inner.runStep(step, ctx));
  }
}
