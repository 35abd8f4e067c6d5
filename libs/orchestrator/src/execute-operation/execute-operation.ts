import { deterministicId, type Clock, type IdGenerator } from '../../../kernel/src/index.js';
import { isTerminal } from '../../../domain/src/index.js';
import type { EventStore } from '../../../stores/src/event-store/event-store.port.js';
import { discriminatorsFor, recallKeyFor, type PatternDoc } from '../../../pattern-memory/src/index.js';
import { type ReadModelStore } from '../../../stores/src/read-model/index.js';
import { type Projector, type ExecutionDoc } from '../../../projections/src/index.js';
import type { Planner } from '../../../planners/src/index.js';
import type { RuntimePlugin } from '../../../plugins/src/plugin.types.js';
import type { ProtocolSet } from '../../../validation/src/protocol/index.js';
import { describeIssues, validateArgs } from '../../../validation/src/args-schema/index.js';
import { BadInputError } from '../../../kernel/src/index.js';
import type { PluginRuntimeRegistry } from '../registry/index.js';
import { ExecutionWriter } from './execution-writer.js';
import { answerResend, requestHashOf } from './answer-resend.js';
import type { LiveFeed } from '../live-feed/index.js';
import { validateExecuteInput, type ExecuteOperationInput, type ValidExecuteInput } from './execute-operation.input.js';
import { errorInfo, planExecution } from './plan-execution.js';
import { readExecution } from './read-execution.js';
import { resolvePlugin } from './resolve-plugin.js';
import { runSteps, validatePlan } from './run-steps.js';
import { resolveMoreSteps } from './resolve-more.js';
import { describeRules } from './describe-rules.js';
import { AdmissionGate, recordRequest } from './admit-request.js';

export interface ExecuteDeps {
  store: EventStore;
  readModel: ReadModelStore;
  runner: Projector;
  registry: PluginRuntimeRegistry;
  protocols: ProtocolSet;
  gate: AdmissionGate;
  clock: Clock;
  ids: IdGenerator;
  workspaceRoot: string;
  stepTimeoutMs: number;
  planTimeoutMs: number;
  feed: LiveFeed;
  /** LLM planner for plugins without their own plan() (WRE_PLANNER); null: such plugins need a learned pattern. */
  llmPlanner: Planner | null;
}

/**
 * The master orchestrator's one use case: request -> recall or compute -> validate every step -> run -> record.
 * Bad requests are refused before anything is written. Once OperationRequested is stored, every path ends in
 * ExecutionSucceeded or ExecutionFailed. A resend with the same commandId returns the same execution.
 */
export async function executeOperation(deps: ExecuteDeps, raw: ExecuteOperationInput): Promise<ExecutionDoc> {
  const input = validateExecuteInput(raw);
  const commandId = input.commandId ?? deps.ids.next();
  const executionId = deterministicId('execution', commandId);
  const load = () => ExecutionWriter.load(deps.store, executionId, commandId, input.actor, deps.clock);
  const writer = await load();
  if (writer.state.phase !== 'none') return answerResend(deps, writer, input);

  const { runtime, doc } = await resolvePlugin(deps.readModel, deps.registry, input.type, input.plugin);
  const paramsSchema = runtime.paramsSchemas?.[input.type];
  if (paramsSchema) {
    const issues = validateArgs(paramsSchema, input.params);
    if (issues.length > 0) {
      throw new BadInputError(
        `params do not fit ${doc.name}'s "${input.type}" schema: ${describeIssues(issues)}`,
        { issues: issues.slice(0, 20) },
        'PARAMS_INVALID',
      );
    }
  }
  const requestHash = requestHashOf(input, doc.name);
  const recallKey = recallKeyOf(runtime, input);
  await recordRequest(deps, writer, input, doc.name, requestHash, recallKey);
  // Only the caller whose append wrote OperationRequested drives the execution; everyone else waits for it.
  if (!writer.lastWritten) return answerResend(deps, await load(), input);
  if (!isTerminal(writer.state)) await drive(deps, writer, runtime, input, recallKey);
  return readExecution(deps, writer.executionId, writer.lastPosition);
}

/** The key this operation is recalled and learned under: type, plugin, param shape, skill, declared params' values. */
function recallKeyOf(runtime: RuntimePlugin, input: ValidExecuteInput): string {
  const declared = runtime.recallKeyParams?.[input.type] ?? [];
  return recallKeyFor(
    input.type,
    runtime.name,
    input.params,
    discriminatorsFor(input.params, declared, input.skill?.ref.name),
  );
}

async function drive(
  deps: ExecuteDeps,
  writer: ExecutionWriter,
  runtime: RuntimePlugin,
  input: ValidExecuteInput,
  recallKey: string,
): Promise<void> {
  try {
    const operation = {
      type: input.type,
      params: input.params,
      ...(input.skill ? { instructions: input.skill.instructions } : {}),
    };
    const rules = deps.protocols.stepRulesFor(input.skill?.constraints ?? null);
    // The rules as prompt text are only needed when an LLM planner is actually asked.
    const ctx = {
      readModel: deps.readModel,
      llmPlanner: deps.llmPlanner,
      planTimeoutMs: deps.planTimeoutMs,
      protocolText: () => describeRules(rules),
    };
    const pattern = await planExecution(writer, ctx, runtime, operation, recallKey);
    await validateAndRun(deps, writer, runtime, rules, pattern);
  } catch (e) {
    // Last resort (e.g. a plan too large to store): close the execution rather than leave it dangling.
    await writer.do({ type: 'FailExecution', error: errorInfo(e, 'INTERNAL'), now: writer.now() }, 'fail');
  }
}

/** Validate what is planned, run it; a recalled plan that reads outputs builds, validates and runs its next steps. */
async function validateAndRun(
  deps: ExecuteDeps,
  writer: ExecutionWriter,
  runtime: RuntimePlugin,
  rules: Parameters<typeof validatePlan>[2],
  pattern: PatternDoc | null,
): Promise<void> {
  for (;;) {
    if (writer.state.phase === 'planned') await validatePlan(writer, runtime, rules, deps.workspaceRoot);
    await runSteps(writer, runtime, deps.workspaceRoot, deps.stepTimeoutMs);
    const s = writer.state;
    if (s.phase !== 'validated' || s.planComplete || !pattern || s.completedSteps !== s.steps.length) return;
    await resolveMoreSteps(writer, pattern);
  }
}
