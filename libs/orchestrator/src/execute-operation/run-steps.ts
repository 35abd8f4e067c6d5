import { isWreError, PluginError, withTimeout, type JsonValue } from '#kernel';
import type { Failure } from '#domain';
import type { RuntimePlugin, StepContext } from '#plugins';
import { errorInfo } from './error-info.js';
import { PHASE } from './execution-phases.js';
import type { ExecutionWriter } from './execution-writer.js';

type StepOutcome = { ok: true; output: JsonValue } | { ok: false; error: Failure };

/** Runs one step under the step timeout; whatever the tool throws becomes a recorded failure. */
async function runStep(writer: ExecutionWriter, plugin: RuntimePlugin, workspaceRoot: string, timeoutMs: number) {
  const { state } = writer;
  const stepIndex = state.completedSteps;
  const step = state.steps[stepIndex]!;
  const ctx: StepContext = {
    executionId: writer.executionId,
    stepIndex,
    workspaceRoot,
    operation: { type: state.operationType ?? '', params: state.params },
    previousOutputs: [...state.outputs],
  };
  const expired = () =>
    new PluginError('STEP_TIMEOUT', `tool ${step.tool} did not finish within ${timeoutMs} ms`, { tool: step.tool });
  try {
    const output = await withTimeout((signal) => plugin.runStep(step, { ...ctx, signal }), timeoutMs, expired);
    return { stepIndex, tool: step.tool, outcome: { ok: true, output } as StepOutcome };
  } catch (e) {
    return { stepIndex, tool: step.tool, outcome: { ok: false, error: errorInfo(e, 'PLUGIN_ERROR') } as StepOutcome };
  }
}

/** Runs the validated steps in order; each outcome is recorded before the next step starts; a failure ends the run. */
export async function runSteps(
  writer: ExecutionWriter,
  plugin: RuntimePlugin,
  workspaceRoot: string,
  stepTimeoutMs: number,
): Promise<void> {
  while (writer.state.phase === 'validated' && writer.state.completedSteps < writer.state.steps.length) {
    const started = performance.now();
    const { stepIndex, tool, outcome } = await runStep(writer, plugin, workspaceRoot, stepTimeoutMs);
    const durationMs = Math.round(performance.now() - started);
    const record = (o: StepOutcome) =>
      writer.do(
        { type: 'RecordStepOutcome', stepIndex, tool, outcome: o, durationMs, now: writer.now() },
        PHASE.step(stepIndex),
      );
    try {
      await record(outcome);
    } catch (e) {
      // An output too large to store must not leave the execution dangling: record the step as failed instead.
      if (!(isWreError(e) && e.code === 'EVENT_TOO_LARGE')) throw e;
      const message = `tool ${tool} returned more than the event size limit`;
      await record({ ok: false, error: { code: 'OUTPUT_TOO_LARGE', message } });
    }
  }
}
