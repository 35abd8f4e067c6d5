import { DEFAULT_TENANT, deterministicId } from '#kernel';
import { isTerminal } from '#domain';
import type { PatternDoc } from '#pattern-memory';
import type { RuntimePlugin } from '#plugins';
import type { ExecutionDoc } from '#projections';
import type { Rule } from '#validation';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { answerResend } from './answer-resend.js';
import { checkParams } from './check-params.js';
import { computePlan } from './compute-plan.js';
import { errorInfo } from './error-info.js';
import { validateExecuteInput, type ExecuteOperationInput, type ValidExecuteInput } from './execute-operation.input.js';
import { PHASE } from './execution-phases.js';
import { ExecutionWriter } from './execution-writer.js';
import { readExecution } from './read-execution.js';
import { recallKeyOf } from './recall-key.js';
import { recallPlan } from './recall-plan.js';
import { recordRequest } from './record-request.js';
import { requestHashOf } from './request-hash.js';
import { resolveMoreSteps } from './resolve-more-steps.js';
import { resolvePlugin } from './resolve-plugin.js';
import { runSteps } from './run-steps.js';
import { validatePlan } from './validate-plan.js';
import { workspaceOf } from '../runtime/tenant-workspace.js';

/** Client commandIds are scoped by tenant; the default tenant keeps the ids it always had. */
const scopedCommandId = (tenant: string, commandId: string): string =>
  tenant === DEFAULT_TENANT ? commandId : `${tenant}/${commandId}`;

/**
 * The master orchestrator's one use case: request → recall or compute → validate every step → run → record.
 * A bad request is refused before anything is written. Once OperationRequested is stored, every path ends in
 * ExecutionSucceeded or ExecutionFailed. A resend with the same commandId returns the same execution.
 */
export async function executeOperation(rt: WreRuntime, raw: ExecuteOperationInput): Promise<ExecutionDoc> {
  // 1. Refuse a malformed request before anything is read or written.
  const input = validateExecuteInput(raw);
  // 2. The commandId, within the caller's tenant, names the execution: a resend finds the stream it started and is
  //    answered from the log; another tenant's equal commandId names another execution.
  const { tenant } = input.by;
  const commandId = scopedCommandId(tenant, input.commandId ?? rt.ids.next());
  const executionId = deterministicId('execution', commandId);
  const who = { actor: input.by.id, tenant, ...(input.agent ? { agent: input.agent } : {}) };
  const load = () => ExecutionWriter.load(rt.store, executionId, commandId, who, rt.clock);
  const writer = await load();
  if (writer.state.phase !== 'none') return answerResend(rt, writer, input);
  // 3. Route to exactly one plugin this tenant may run and check the params it declares (still nothing written).
  const { runtime: plugin, manifestHash } = await resolvePlugin(rt, input.type, input.plugin, tenant);
  checkParams(plugin, input);
  // 4. Admit (rate limits) and record the request: OperationRequested, or OperationThrottled which ends it. The
  //    recall key names the tenant and the plugin's manifest: memory is never shared across either.
  const recallKey = recallKeyOf(plugin, input, manifestHash);
  const request = { plugin: plugin.name, requestHash: requestHashOf(input, plugin.name), recallKey, manifestHash };
  await recordRequest(rt, writer, input, request);
  // Only the caller whose append wrote the request drives the execution; a racing resend waits for its outcome.
  if (!writer.lastWritten) return answerResend(rt, await load(), input);
  // 5. Plan, validate, run: whatever happens, the execution ends recorded.
  if (!isTerminal(writer.state)) await drive(rt, writer, plugin, input, recallKey);
  // 6. Read-your-writes: answer from the executions read model once it shows the outcome.
  return readExecution(rt, executionId, writer.lastPosition);
}

async function drive(
  rt: WreRuntime,
  writer: ExecutionWriter,
  plugin: RuntimePlugin,
  input: ValidExecuteInput,
  recallKey: string,
): Promise<void> {
  try {
    const operation = {
      type: input.type,
      params: input.params,
      ...(input.skill ? { instructions: input.skill.instructions } : {}),
    };
    const rules = rt.protocols.stepRulesFor(input.skill?.constraints ?? null);
    // 5a. Remember before computing: a learned pattern under the recall key, else the plugin's or the LLM planner.
    const pattern = await recallPlan(rt, writer, input.params, recallKey);
    if (!pattern) await computePlan(rt, writer, plugin, operation, rules);
    // 5b–c. Validate every step against the protocols, then run them.
    await validateAndRun(rt, writer, plugin, rules, pattern);
  } catch (e) {
    // Last resort (e.g. a plan too large to store): close the execution rather than leave it dangling.
    const error = errorInfo(e, 'INTERNAL_SERVER_ERROR');
    await writer.do({ type: 'FailExecution', error, now: writer.now() }, PHASE.fail);
  }
}

/** Validate what is planned, run it; a recalled plan that reads outputs builds, validates and runs its next steps. */
async function validateAndRun(
  rt: WreRuntime,
  writer: ExecutionWriter,
  plugin: RuntimePlugin,
  rules: readonly Rule[],
  pattern: PatternDoc | null,
): Promise<void> {
  const { stepTimeoutMs } = rt.config;
  const workspaceRoot = workspaceOf(rt.config, writer.tenant);
  for (;;) {
    if (writer.state.phase === 'planned') await validatePlan(writer, plugin, rules, workspaceRoot);
    await runSteps(writer, plugin, workspaceRoot, stepTimeoutMs);
    const s = writer.state;
    if (s.phase !== 'validated' || s.planComplete || !pattern || s.completedSteps !== s.steps.length) return;
    await resolveMoreSteps(writer, pattern);
  }
}
