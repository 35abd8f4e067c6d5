import { BadInputError, type JsonValue } from '#kernel';
import type { RuntimePlugin, StepContext } from '../plugin.types.js';
import type { ArgsSchema, ComputedPlan, Operation, PlanStep, ToolDefinition } from '#domain';
import type { OrchestratorPlugin, ToolHandler } from '../sdk/orchestrator-plugin.js';
import { readOperationTypes, readParamsSchemas, validateToolDefinitions } from '../sdk/plugin-shape.js';
import { callPlannerGuarded, runToolGuarded, toolNotFound } from '../sdk/run-guarded.js';
import { validatePlan, type PlanCheck } from '../sdk/validate-plan.js';

/** Runs an {@link OrchestratorPlugin} that declares tools; every plan and output is validated on the way out. */
export class SdkPluginAdapter implements RuntimePlugin {
  readonly kind = 'in_process' as const;
  readonly operationTypes: string[];
  readonly tools: ToolDefinition[];
  readonly paramsSchemas?: Record<string, ArgsSchema>;
  /** Present only when the plugin implements `plan()`. */
  readonly plan?: (operation: Operation) => Promise<ComputedPlan>;
  private readonly handlers = new Map<string, ToolHandler>();

  constructor(
    readonly name: string,
    plugin: OrchestratorPlugin,
  ) {
    const declared = plugin.tools();
    this.tools = validateToolDefinitions(name, declared);
    for (const tool of declared) {
      if (typeof tool.handler !== 'function') {
        throw new BadInputError('PLUGIN_INVALID', `plugin ${name}: tool ${tool.name} has no handler`, {
          plugin: name,
          tool: tool.name,
        });
      }
      this.handlers.set(tool.name, tool.handler);
    }
    this.operationTypes = readOperationTypes(name, plugin.operationTypes);
    const paramsSchemas = readParamsSchemas(name, plugin.paramsSchemas);
    if (paramsSchemas !== undefined) this.paramsSchemas = paramsSchemas;
    const planFn = plugin.plan;
    if (typeof planFn === 'function') {
      const check: PlanCheck = {
        plugin: name,
        toolNames: new Set(this.handlers.keys()),
        defaultPlanner: `plugin:${name}`,
      };
      this.plan = async (operation) =>
        validatePlan(check, await callPlannerGuarded(name, () => planFn.call(plugin, operation)));
    }
  }

  runStep(step: PlanStep, ctx: StepContext): Promise<JsonValue> {
    const handler = this.handlers.get(step.tool);
    if (handler === undefined) return Promise.reject(toolNotFound(this.name, step.tool));
    return runToolGuarded(this.name, step.tool, ctx, () => handler(step.args, ctx));
  }
}
