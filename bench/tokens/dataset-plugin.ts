import { PluginError, pluginCode, type JsonValue } from '#kernel';
import type { RuntimePlugin, StepContext } from '#plugins';
import type { ComputedPlan, Operation, PlanStep, ToolDefinition } from '#domain';
import type { GoldCall } from './workloads/index.js';

/** What the harness sets before each request: the gold plan (oracle) and the recorded outputs (the world). */
export interface CurrentRecord {
  gold: GoldCall[];
  cost: { prompt: number; completion: number; total: number };
}

/**
 * The benchmark's plugin. plan() is the ORACLE (consulted only on a miss). runStep() is the world: it answers a
 * call with the output the data set recorded for that call if the call is exactly the gold one at that index
 * (after canonicalisation), and fails otherwise, so a served plan that differs from gold cannot succeed by luck.
 */
export class DatasetPlugin implements RuntimePlugin {
  readonly kind = 'in_process' as const;
  readonly operationTypes: string[] = [];
  readonly tools: ToolDefinition[];
  current: CurrentRecord | null = null;
  oracleCalls = 0;

  constructor(
    readonly name: string,
    toolNames: readonly string[],
    private readonly sameCall: (served: PlanStep, gold: GoldCall) => boolean,
  ) {
    // Permissive schemas: the data sets' own argument types are loose ("1000" vs 1000); scoring judges arguments.
    this.tools = toolNames.map((n) => ({ name: n, argsSchema: { type: 'object' } }));
  }

  async plan(_op: Operation): Promise<ComputedPlan> {
    const current = this.need();
    this.oracleCalls += 1;
    return {
      steps: current.gold.map((c) => ({ tool: c.tool, args: c.args })),
      planner: 'oracle:gold-plan',
      tokens: current.cost,
    };
  }

  async runStep(step: PlanStep, ctx: StepContext): Promise<JsonValue> {
    const gold = this.need().gold[ctx.stepIndex];
    if (!gold || !this.sameCall(step, gold))
      throw new PluginError(
        pluginCode('WORLD_MISMATCH'),
        `world: step ${ctx.stepIndex} (${step.tool}) is not the recorded call`,
      );
    return gold.output ?? null;
  }

  private need(): CurrentRecord {
    if (!this.current) throw new Error('no current record');
    return this.current;
  }
}
