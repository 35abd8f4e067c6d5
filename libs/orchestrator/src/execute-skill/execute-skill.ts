import { BadInputError, isPlainObject, isWreError, WreError, type JsonObject } from '#kernel';
import { SYSTEM_PRINCIPAL, type Principal } from '#domain';
import { getSkillStats, type ExecutionDoc } from '#projections';
import { isSkillName } from '#skills';
import { executeOperation } from '../execute-operation/execute-operation.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { resolveSkill } from './skill-context.js';
import { skillFidelity } from './skill-fidelity.js';

export interface ExecuteSkillInput {
  skillName: string;
  agent: string;
  inputContext?: unknown;
  force?: boolean | null;
  commandId?: string | null;
  approvals?: readonly string[] | null;
  /** Who runs it (default: the service itself); `agent` is only recorded as a claim beside it. */
  by?: Principal;
}

/** The upstream `execute_skill` result, with the execution behind it. */
export interface SkillExecutionResult {
  success: boolean;
  executionId: string;
  /** Wall time of this call, whole milliseconds. */
  executionTimeMs: number;
  /** Wilson lower bound of this skill's success rate over its recorded outcomes (0 with none). */
  patternFidelity: number;
  throttled: boolean;
  blocked: boolean;
  blockedBy: string | null;
  reason: string | null;
  fallbackUsed: boolean;
  execution: ExecutionDoc;
}

const AGENT = /^[A-Za-z0-9_.:@-]{1,64}$/;

/**
 * executeSkill(skillName, agent, inputContext, force?): runs the operation the skill names (or, if the skill
 * cannot be loaded, one named like the skill, with fallback instructions) through the same recall → validate
 * → run path as any operation; the skill's allowed tools and throttle apply on top of the protocols.
 */
export async function executeSkill(rt: WreRuntime, input: ExecuteSkillInput): Promise<SkillExecutionResult> {
  const started = performance.now();
  if (!isSkillName(input.skillName)) {
    throw new BadInputError('SKILL_NAME_INVALID', 'skillName must match /^[a-z0-9][a-z0-9_-]{0,63}$/', {
      skillName: String(input.skillName).slice(0, 80),
    });
  }
  if (typeof input.agent !== 'string' || !AGENT.test(input.agent))
    throw new BadInputError('AGENT_INVALID', `agent must match ${AGENT}`);
  const inputContext = input.inputContext ?? {};
  if (!isPlainObject(inputContext)) throw new BadInputError('PARAMS_INVALID', 'inputContext must be a JSON object');
  const resolved = await resolveSkill(
    rt.config.skillsDir,
    rt.readModel,
    input.skillName,
    input.agent,
    inputContext as JsonObject,
  );
  let execution: ExecutionDoc;
  try {
    execution = await executeOperation(rt, {
      type: resolved.operationType,
      plugin: resolved.plugin,
      params: inputContext,
      force: input.force,
      commandId: input.commandId,
      approvals: input.approvals,
      agent: input.agent,
      ...(input.by ? { by: input.by } : {}),
      skill: resolved.context,
    });
  } catch (e) {
    if (!resolved.context.ref.fallbackUsed || !isWreError(e) || !/PLUGIN|OPERATION_TYPE/.test(e.code)) throw e;
    // Nothing can run the fallback: say both why the skill failed and why no plugin could stand in.
    const reason = `skill ${input.skillName} could not be loaded (${resolved.context.ref.fallbackReason}) and its fallback cannot run: ${e.message}`;
    throw new WreError('SKILL_UNRESOLVED', reason, { skill: input.skillName, cause: e.code });
  }
  const denied = execution.steps.find((s) => s.status === 'BLOCKED');
  return {
    success: execution.status === 'SUCCEEDED',
    executionId: execution.id,
    executionTimeMs: Math.round(performance.now() - started),
    patternFidelity: skillFidelity(
      await getSkillStats(rt.readModel, (input.by ?? SYSTEM_PRINCIPAL).tenant, input.skillName),
    ),
    throttled: execution.status === 'THROTTLED',
    blocked: execution.status === 'BLOCKED',
    blockedBy: execution.throttle?.ruleId ?? (denied ? (denied.citations[denied.citations.length - 1] ?? null) : null),
    reason: execution.error?.message ?? null,
    fallbackUsed: resolved.context.ref.fallbackUsed,
    execution,
  };
}
