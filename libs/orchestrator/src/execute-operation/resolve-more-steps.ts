import type { JsonObject, JsonValue } from '#kernel';
import { resolveTemplate, type PatternDoc } from '#pattern-memory';
import { PHASE } from './execution-phases.js';
import type { ExecutionWriter } from './execution-writer.js';

/**
 * Once every step built so far ran, builds the next steps of a recalled plan from their outputs (per pattern step;
 * a per-item step's output is the list of its items' outputs). A step that cannot be built (an output lacks the
 * value, a list is not a list) fails the execution with PATTERN_UNRESOLVABLE, which counts against the pattern.
 */
export async function resolveMoreSteps(writer: ExecutionWriter, pattern: PatternDoc): Promise<void> {
  const s = writer.state;
  const done: (JsonValue | undefined)[] = [];
  s.templateSteps.forEach((t, i) => {
    const output = s.outputs[i] ?? null;
    if (pattern.steps[t]?.each) done[t] = [...((done[t] as JsonValue[] | undefined) ?? []), output];
    else done[t] = output;
  });
  const from = (s.templateSteps.at(-1) ?? -1) + 1;
  // Per-item steps whose list was empty ran zero times: their output is the empty list.
  for (let t = 0; t < from; t++) if (done[t] === undefined) done[t] = [];
  const result = resolveTemplate({ steps: pattern.steps, slots: pattern.slots }, s.params as JsonObject, done, from);
  if (!result.ok) {
    const message = `pattern ${pattern.id} v${pattern.version} could not build step ${from}: ${result.reason}`;
    await writer.do(
      { type: 'FailExecution', error: { code: 'PATTERN_UNRESOLVABLE', message }, now: writer.now() },
      PHASE.fail,
    );
    return;
  }
  await writer.do(
    {
      type: 'RecordStepsResolved',
      steps: result.steps.map((r) => r.step),
      templateSteps: result.steps.map((r) => r.templateStep),
      complete: result.complete,
      now: writer.now(),
    },
    PHASE.resolve(s.steps.length),
  );
}
