import { deterministicId, isWreError, type Clock, type IdGenerator } from '../../../kernel/src/index.js';
import type { EventStore } from '../../../event-store/src/event-store.port.js';
import type { ProjectionRunner, ReadModelStore, ExecutionDoc } from '../../../pattern-memory/src/index.js';
import type { Rule } from '../../../validation/src/protocol/index.js';
import { validateArgs } from '../../../validation/src/args-schema/index.js';
import { BadInputError } from '../../../kernel/src/index.js';
import type { PluginRuntimeRegistry } from '../registry/index.js';
import { ExecutionWriter } from './execution-writer.js';
import { answerResend, requestHashOf } from './answer-resend.js';
import type { LiveFeed } from '../live-feed/index.js';
import { validateExecuteInput, type ExecuteOperationInput } from './execute-operation.input.js';
import { errorInfo, planExecution } from './plan-execution.js';
import { readExecution } from './read-execution.js';
import { resolvePlugin } from './resolve-plugin.js';
import { runSteps, validatePlan } from './run-steps.js';

export interface ExecuteDeps {
  store: EventStore;
  readModel: ReadModelStore;
  runner: ProjectionRunner;
  registry: PluginRuntimeRegistry;
  rules: readonly Rule[];
  clock: Clock;
  ids: IdGenerator;
  workspaceRoot: string;
  stepTimeoutMs: number;
  planTimeoutMs: number;
  feed: LiveFeed;
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
      const detail = issues.slice(0, 5).map((i) => `${i.path || '/'}: ${i.message}`).join('; ');
      throw new BadInputError(`params do not fit ${doc.name}'s "${input.type}" schema: ${detail}`, { issues: issues.slice(0, 20) }, 'PARAMS_INVALID');
    }
  }
  const requestHash = requestHashOf(input, doc.name);
  try {
    await writer.do(
      { type: 'RequestOperation', executionId, operationType: input.type, plugin: doc.name, params: input.params, force: input.force, requestHash },
      'request',
    );
  } catch (e) {
    // A concurrent resend created the stream first (or wrote a different request under this commandId).
    if (!(isWreError(e) && e.code === 'WRONG_EXPECTED_REVISION')) throw e;
  }
  // Only the caller whose append wrote OperationRequested drives the execution; everyone else waits for it.
  if (!writer.lastWritten) return answerResend(deps, await load(), input);
  await drive(deps, writer, runtime);
  return readExecution(deps, writer.executionId, writer.lastPosition);
}

async function drive(deps: ExecuteDeps, writer: ExecutionWriter, runtime: Parameters<typeof runSteps>[1]): Promise<void> {
  try {
    await planExecution(writer, deps.readModel, runtime, writer.state.operationType ?? '', writer.state.params, deps.planTimeoutMs);
    if (writer.state.phase === 'planned') {
      await validatePlan(writer, runtime, deps.rules, writer.state.planSource ?? 'computed');
    }
    await runSteps(writer, runtime, deps.workspaceRoot, deps.stepTimeoutMs);
  } catch (e) {
    // Last resort (e.g. a plan too large to store): close the execution rather than leave it dangling.
    await writer.do({ type: 'FailExecution', error: errorInfo(e, 'INTERNAL'), now: writer.now() }, 'fail');
  }
}
