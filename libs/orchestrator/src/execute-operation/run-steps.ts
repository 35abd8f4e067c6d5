import { isWreError, PluginError, type JsonValue } from '../../../kernel/src/index.js';
import type { RuntimePlugin, StepContext } from '../../../plugins/src/plugin.types.js';
import { evaluateStep, type Rule } from '../../../validation/src/protocol/index.js';
import type { ExecutionWriter } from './execution-writer.js';
import { withTimeout } from './with-timeout.js';
import { errorInfo } from './plan-execution.js';

/**
 * WSP 50/64: every step of the plan, recalled or computed, is judged before the first one runs; steps a recalled
 * plan builds from outputs later (PlanStepsResolved) are judged the same way before any of them runs.
 */
export async function validatePlan(
  writer: ExecutionWriter,
  plugin: RuntimePlugin,
  rules: readonly Rule[],
  workspaceRoot: string,
): Promise<void> {
  const s = writer.state;
  const operation = { type: s.operationType ?? '', params: s.params };
  const base = {
    operation,
    plugin: { name: plugin.name, tools: plugin.tools, registered: true },
    source: s.planSource ?? 'computed',
    plan: { steps: s.steps, tokens: s.planTokens },
    workspaceRoot,
    approvals: s.approvals,
    skill: s.skill?.name ?? null,
  } as const;
  const verdicts = [];
  const from = s.validated;
  for (let stepIndex = from; stepIndex < s.steps.length; stepIndex++) {
    const step = s.steps[stepIndex]!;
    const v = evaluateStep(rules, { ...base, step, stepIndex });
    verdicts.push({ stepIndex, tool: step.tool, ...v });
    if (!v.allowed) break;
  }
  await writer.do(
    { type: 'RecordValidation', verdicts, now: writer.now() },
    from === 0 ? 'validate' : `validate-${from}`,
  );
}

/** Runs the validated steps in order; the first failure is recorded and ends the execution. */
export async function runSteps(
  writer: ExecutionWriter,
  plugin: RuntimePlugin,
  workspaceRoot: string,
  stepTimeoutMs: number,
): Promise<void> {
  while (writer.state.phase === 'validated' && writer.state.completedSteps < writer.state.steps.length) {
    const stepIndex = writer.state.completedSteps;
    const step = writer.state.steps[stepIndex]!;
    const ctx: StepContext = {
      executionId: writer.executionId,
      stepIndex,
      workspaceRoot,
      operation: { type: writer.state.operationType ?? '', params: writer.state.params },
      previousOutputs: [...writer.state.outputs],
    };
    const started = performance.now();
    let outcome: { ok: true; output: JsonValue } | { ok: false; error: { code: string; message: string } };
    try {
      const expired = () =>
        new PluginError(
          `tool ${step.tool} did not finish within ${stepTimeoutMs} ms`,
          { tool: step.tool },
          'STEP_TIMEOUT',
        );
      outcome = {
        ok: true,
        output: await withTimeout((signal) => plugin.runStep(step, { ...ctx, signal }), stepTimeoutMs, expired),
      };
    } catch (e) {
      outcome = { ok: false, error: errorInfo(e, 'PLUGIN_ERROR') };
    }
    const durationMs = Math.round(performance.now() - started);
    const record = (o: typeof outcome) =>
      writer.do(
        { type: 'RecordStepOutcome', stepIndex, tool: step.tool, outcome: o, durationMs, now: writer.now() },
        `step-${stepIndex}`,
      );
    try {
      await record(outcome);
    } catch (e) {
      // An output too large to store must not leave the execution dangling: record the step as failed instead.
      if (!(isWreError(e) && e.code === 'EVENT_TOO_LARGE')) throw e;
      await record({
        ok: false,
        error: { code: 'OUTPUT_TOO_LARGE', message: `tool ${step.tool} returned more than the event size limit` },
      });
    }
  }
}
