import { isWreError, PluginError, withTimeout, type WreError } from '#kernel';
import type { Operation } from '#domain';
import type { RuntimePlugin } from '#plugins';
import { pluginPlanner, type PlanRejection } from '#planners';
import type { Rule } from '#validation';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { describeRules } from './describe-rules.js';
import { errorInfo } from './error-info.js';
import { PHASE } from './execution-phases.js';
import type { ExecutionWriter } from './execution-writer.js';

/**
 * Asks the plugin's own planner, or the configured LLM planner for plugins without one, and records the plan with
 * what it cost (refused answers included, as PlanRejected). No planner, a timeout or a planner failure fails the
 * execution, recorded: nothing escapes unrecorded.
 */
export async function computePlan(
  rt: Pick<WreRuntime, 'llmPlanner' | 'config'>,
  writer: ExecutionWriter,
  plugin: RuntimePlugin,
  operation: Operation,
  rules: readonly Rule[],
): Promise<void> {
  const planner = plugin.plan ? pluginPlanner(plugin) : rt.llmPlanner;
  if (!planner) {
    const message = `plugin ${plugin.name} cannot plan "${operation.type}", no LLM planner is configured (WRE_PLANNER) and no learned pattern fits these params`;
    await writer.do(
      { type: 'FailExecution', error: { code: 'PLAN_UNAVAILABLE', message }, now: writer.now() },
      PHASE.fail,
    );
    return;
  }
  const timeoutMs = rt.config.planTimeoutMs;
  try {
    const expired = () =>
      new PluginError('PLAN_TIMEOUT', `planner ${planner.name} did not plan within ${timeoutMs} ms`, {
        planner: planner.name,
      });
    // The rules as prompt text are only built when an LLM planner is actually asked.
    const protocolText = planner === rt.llmPlanner ? describeRules(rules) : '';
    const request = { operation, plugin: { name: plugin.name, tools: plugin.tools }, protocolText };
    const plan = await withTimeout((signal) => planner.plan(request, signal), timeoutMs, expired);
    await recordRejections(writer, plan.planner, plan.rejections);
    const { steps, tokens } = plan;
    await writer.do({ type: 'RecordComputedPlan', planner: plan.planner, steps, tokens }, PHASE.plan);
  } catch (e) {
    if (isWreError(e)) await recordRejections(writer, planner.name, rejectionsOf(e));
    await writer.do({ type: 'FailExecution', error: errorInfo(e, 'PLANNER_FAILED'), now: writer.now() }, PHASE.fail);
  }
}

const rejectionsOf = (e: WreError): PlanRejection[] =>
  Array.isArray(e.details.rejections) ? (e.details.rejections as PlanRejection[]) : [];

/** Each refused planner answer is an event with its reason and the tokens it cost (the ledger counts them). */
async function recordRejections(writer: ExecutionWriter, planner: string, rejections: readonly PlanRejection[]) {
  for (const r of rejections) {
    const { attempt, tokens } = r;
    const rejected = { type: 'RecordPlanRejected', planner, attempt, reason: r.reason.slice(0, 500), tokens } as const;
    await writer.do(rejected, PHASE.rejected(attempt));
  }
}
