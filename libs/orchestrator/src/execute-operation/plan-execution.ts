import { errorMessage, isWreError, PluginError, WreError } from '../../../kernel/src/index.js';
import { withTimeout } from './with-timeout.js';
import type { RuntimePlugin } from '../../../plugins/src/plugin.types.js';
import type { Operation } from '../../../domain/src/index.js';
import { recallByKey, type PatternDoc } from '../../../pattern-memory/src/index.js';
import { type ReadModelStore } from '../../../stores/src/read-model/index.js';
import { pluginPlanner, type PlanRejection, type Planner } from '../../../planners/src/index.js';
import type { ExecutionWriter } from './execution-writer.js';

export const errorInfo = (e: unknown, fallbackCode: string): { code: string; message: string } =>
  isWreError(e) ? { code: e.code, message: e.message } : { code: fallbackCode, message: errorMessage(e) };

export interface PlanContext {
  readModel: ReadModelStore;
  /** The LLM planner from configuration, used for plugins without their own plan(). */
  llmPlanner: Planner | null;
  planTimeoutMs: number;
  /** The protocol rules that will judge the plan, as text for LLM planners (built only when one is asked). */
  protocolText: () => string;
}

/**
 * Remember before computing: a usable pattern is recalled (0 planner tokens); otherwise the plugin's own planner or
 * the configured LLM planner plans and its token usage (refused answers included) is recorded. A tampered pattern
 * is refused (PatternRefused) and the operation recomputed. A planner failure fails the execution (recorded), it
 * never escapes unrecorded. Returns the recalled pattern, whose remaining steps are built as outputs arrive.
 */
export async function planExecution(
  writer: ExecutionWriter,
  ctx: PlanContext,
  plugin: RuntimePlugin,
  operation: Operation,
  recallKey: string,
): Promise<PatternDoc | null> {
  const recalled = await recallByKey(ctx.readModel, recallKey, operation.params);
  if (recalled.hit) {
    const { pattern, steps, templateSteps, complete } = recalled;
    await writer.do(
      {
        type: 'RecordRecall',
        patternId: pattern.id,
        patternVersion: pattern.version,
        patternHash: pattern.contentHash,
        steps,
        templateSteps,
        complete,
      },
      'plan',
    );
    return pattern;
  }
  if (recalled.reason === 'hash_mismatch' && recalled.patternId) {
    await writer.do(
      {
        type: 'RecordPatternRefused',
        patternId: recalled.patternId,
        reason: 'hash_mismatch',
        detail: recalled.detail ?? '',
      },
      'refused',
    );
  }
  const planner = plugin.plan ? pluginPlanner(plugin) : ctx.llmPlanner;
  if (!planner) {
    const message = `plugin ${plugin.name} cannot plan "${operation.type}", no LLM planner is configured (WRE_PLANNER) and no learned pattern fits these params`;
    await writer.do({ type: 'FailExecution', error: { code: 'PLAN_UNAVAILABLE', message }, now: writer.now() }, 'fail');
    return null;
  }
  try {
    const expired = () =>
      new PluginError(
        `planner ${planner.name} did not plan within ${ctx.planTimeoutMs} ms`,
        { planner: planner.name },
        'PLAN_TIMEOUT',
      );
    const request = {
      operation,
      plugin: { name: plugin.name, tools: plugin.tools },
      protocolText: planner === ctx.llmPlanner ? ctx.protocolText() : '',
    };
    const plan = await withTimeout((signal) => planner.plan(request, signal), ctx.planTimeoutMs, expired);
    await recordRejections(writer, plan.planner, plan.rejections);
    await writer.do(
      { type: 'RecordComputedPlan', planner: plan.planner, steps: plan.steps, tokens: plan.tokens },
      'plan',
    );
  } catch (e) {
    if (isWreError(e)) await recordRejections(writer, planner.name, rejectionsOf(e));
    await writer.do({ type: 'FailExecution', error: errorInfo(e, 'PLANNER_FAILED'), now: writer.now() }, 'fail');
  }
  return null;
}

const rejectionsOf = (e: WreError): PlanRejection[] =>
  Array.isArray(e.details.rejections) ? (e.details.rejections as PlanRejection[]) : [];

/** Each refused planner answer is an event with its reason and the tokens it cost (the ledger counts them). */
async function recordRejections(
  writer: ExecutionWriter,
  planner: string,
  rejections: readonly PlanRejection[],
): Promise<void> {
  for (const r of rejections) {
    await writer.do(
      { type: 'RecordPlanRejected', planner, attempt: r.attempt, reason: r.reason.slice(0, 500), tokens: r.tokens },
      `rejected-${r.attempt}`,
    );
  }
}
