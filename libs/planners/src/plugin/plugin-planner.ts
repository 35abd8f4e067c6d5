import { PluginError } from '#kernel';
import type { ComputedPlan, Operation } from '#domain';
import type { Planner, PlannerResult } from '../planner.port.js';

/** Settles with `work`, or rejects with PLAN_TIMEOUT as soon as the signal aborts (plugin plan() takes no signal). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, expired: () => Error): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(expired());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(expired());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** What this adapter needs of a plugin (the orchestrator passes its RuntimePlugin). */
export interface PlanningPlugin {
  readonly name: string;
  plan?(operation: Operation): Promise<ComputedPlan>;
}

/**
 * The plugin's own plan() behind the Planner port. The plan keeps the planner name the plugin gave it
 * (e.g. `deterministic:module_scaffolder`); a plugin plans in one go, so there are never rejections.
 * @throws PluginError `PLAN_UNAVAILABLE` (the plugin has no plan()), `PLAN_TIMEOUT` (signal aborted), or what plan() threw
 */
export function pluginPlanner(plugin: PlanningPlugin): Planner {
  const name = `plugin:${plugin.name}`;
  return {
    name,
    async plan(request, signal): Promise<PlannerResult> {
      if (!plugin.plan) {
        throw new PluginError('PLAN_UNAVAILABLE', `plugin ${plugin.name} cannot plan "${request.operation.type}"`, {
          plugin: plugin.name,
          planner: name,
        });
      }
      const expired = () =>
        new PluginError('PLAN_TIMEOUT', `planner ${name} was aborted before answering`, { planner: name });
      const plan = await untilAborted(plugin.plan(request.operation), signal, expired);
      return { steps: plan.steps, planner: plan.planner, tokens: plan.tokens, rejections: [] };
    },
  };
}
