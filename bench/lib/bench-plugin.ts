import { OrchestratorPlugin } from '#orchestrator';
import type { ComputedPlan, Operation, PlanStep } from '#domain';

/** In-memory plugin: three pure steps, so the figures measure the orchestrator and store, not the tools. */
export class BenchPlugin extends OrchestratorPlugin {
  override operationTypes = ['bench_op'];
  constructor() {
    super('bench');
    const any = { type: 'object' };
    this.tool('prepare', { argsSchema: any }, (args) => ({ prepared: args }));
    this.tool('apply', { argsSchema: any }, (args) => ({ applied: args }));
    this.tool('report', { argsSchema: any }, () => ({ ok: true }));
  }
  override plan(op: Operation): ComputedPlan {
    const { name } = op.params as { name: string };
    const steps: PlanStep[] = [
      { tool: 'prepare', args: { path: `work/${name}/in`, ...op.params } },
      { tool: 'apply', args: { target: `work/${name}/out`, mode: 'fast' } },
      { tool: 'report', args: { title: `done ${name}` } },
    ];
    return { steps, planner: 'deterministic:bench', tokens: { prompt: 0, completion: 0, total: 0 } };
  }
}
