import { contentHash } from '#kernel';
import type { ValidExecuteInput } from './execute-operation.input.js';

/**
 * What a commandId stands for: a resend must carry the same request. `plugin` is the one the request was routed
 * to when first recorded (a resend may leave it out).
 */
export const requestHashOf = (input: ValidExecuteInput, plugin: string): string =>
  contentHash({
    type: input.type,
    plugin,
    params: input.params,
    force: input.force,
    // Only when present, so hashes recorded before these fields existed still match their resends.
    ...(input.approvals.length > 0 ? { approvals: input.approvals } : {}),
    ...(input.skill ? { skill: input.skill.ref.name, agent: input.skill.ref.agent } : {}),
  });
