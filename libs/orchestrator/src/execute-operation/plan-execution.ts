import { errorMessage, isWreError, PluginError } from '../../../kernel/src/index.js';
import { withTimeout } from './with-timeout.js';
import type { Operation, RuntimePlugin } from '../../../plugins/src/plugin.types.js';
import { recallPattern, type ReadModelStore } from '../../../pattern-memory/src/index.js';
import type { ExecutionWriter } from './execution-writer.js';

export const errorInfo = (e: unknown, fallbackCode: string): { code: string; message: string } =>
  isWreError(e) ? { code: e.code, message: e.message } : { code: fallbackCode, message: errorMessage(e) };

/**
 * Remember before computing: a usable pattern is recalled (0 planner tokens); otherwise the plugin plans and its
 * token usage is recorded. A planner failure fails the execution (recorded), it never escapes unrecorded.
 */
export async function planExecution(
  writer: ExecutionWriter,
  readModel: ReadModelStore,
  plugin: RuntimePlugin,
  operation: Operation,
  planTimeoutMs: number,
): Promise<void> {
  const { type, params } = operation;
  const recalled = await recallPattern(readModel, type, plugin.name, params);
  if (recalled.hit) {
    const { pattern, steps } = recalled;
    await writer.do({ type: 'RecordRecall', patternId: pattern.id, patternVersion: pattern.version, patternHash: pattern.contentHash, steps }, 'plan');
    return;
  }
  if (!plugin.plan) {
    const message = `plugin ${plugin.name} cannot plan "${type}" and no learned pattern fits these params`;
    await writer.do({ type: 'FailExecution', error: { code: 'PLAN_UNAVAILABLE', message }, now: writer.now() }, 'fail');
    return;
  }
  try {
    const planner = plugin.plan.bind(plugin);
    const expired = () => new PluginError(`plugin ${plugin.name} did not plan within ${planTimeoutMs} ms`, { plugin: plugin.name }, 'PLAN_TIMEOUT');
    const plan = await withTimeout(() => planner(operation), planTimeoutMs, expired);
    await writer.do({ type: 'RecordComputedPlan', planner: plan.planner, steps: plan.steps, tokens: plan.tokens }, 'plan');
  } catch (e) {
    await writer.do({ type: 'FailExecution', error: errorInfo(e, 'PLANNER_FAILED'), now: writer.now() }, 'fail');
  }
}
