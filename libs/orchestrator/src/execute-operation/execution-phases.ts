/**
 * The phases of one execution, in the order they may happen. Each phase appends with the sub-command id
 * `<commandId>#<phase>`, from which the store's event ids are derived: a phase re-run by a resend or a racing
 * caller writes nothing new. These strings are part of the stored history (they determine event ids): never
 * rename one.
 */
export const PHASE = {
  /** OperationRequested, or OperationThrottled (after SkillLoadFailed when the skill file could not be used). */
  request: 'request',
  /** PatternRefused: a stored pattern no longer matches its hash and is not served. */
  refused: 'refused',
  /** PlanRejected: a planner's answer number `attempt` was refused (its tokens still count). */
  rejected: (attempt: number) => `rejected-${attempt}`,
  /** PatternRecalled or PlanComputed. */
  plan: 'plan',
  /** ValidationPassed / ValidationFailed (+ ExecutionFailed BLOCKED) for the steps from `from` on. */
  validate: (from: number) => (from === 0 ? 'validate' : `validate-${from}`),
  /** StepSucceeded / StepFailed of step `index` (+ ExecutionSucceeded or ExecutionFailed when it ends the run). */
  step: (index: number) => `step-${index}`,
  /** PlanStepsResolved: the next steps of a recalled plan, built once `built` steps have run. */
  resolve: (built: number) => `resolve-${built}`,
  /** ExecutionFailed decided by the orchestrator: no planner, planner failure, unresolvable pattern, last resort. */
  fail: 'fail',
  /** ExecutionFailed INTERRUPTED, written on start for an execution a stopped process left RUNNING. */
  interrupted: 'interrupted',
} as const;
