import type { RuntimePlugin } from '#plugins';
import { evaluateStep, type Rule } from '#validation';
import { PHASE } from './execution-phases.js';
import type { ExecutionWriter } from './execution-writer.js';

/**
 * WSP 50/64: every step of the plan, recalled or computed, is judged before the first one runs; steps a recalled
 * plan builds from outputs later (PlanStepsResolved) are judged the same way before any of them runs. The first
 * denial blocks the execution (ValidationFailed + ExecutionFailed BLOCKED).
 */
export async function validatePlan(
  writer: ExecutionWriter,
  plugin: RuntimePlugin,
  rules: readonly Rule[],
  workspaceRoot: string,
): Promise<void> {
  const s = writer.state;
  const base = {
    operation: { type: s.operationType ?? '', params: s.params },
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
  await writer.do({ type: 'RecordValidation', verdicts, now: writer.now() }, PHASE.validate(from));
}
