import path from 'node:path';
import { contentHash, type JsonObject } from '#kernel';
import { fallbackInstructions, loadSkill } from '#skills';
import type { ReadModelStore } from '#stores/read-model';
import { getSkillStats } from '#projections';
import type { SkillContext } from '../execute-operation/execute-operation.input.js';

export interface ResolvedSkill {
  operationType: string;
  plugin: string | null;
  context: SkillContext;
}

/**
 * Loads the skill leniently: a usable file gives its operation type, plugin, instructions, allowed tools and
 * throttle; anything else gives deterministic fallback instructions, the operation type named like the skill and
 * a SkillLoadFailed record. Never throws for a broken skill file.
 */
export async function resolveSkill(
  skillsDir: string,
  readModel: ReadModelStore,
  name: string,
  agent: string,
  inputContext: JsonObject,
): Promise<ResolvedSkill> {
  const load = await loadSkill(skillsDir, name);
  if (load.ok) {
    const { skill } = load;
    const constraints = { allowedTools: skill.allowedTools, throttle: skill.throttle };
    return {
      operationType: skill.operationTypes[0] ?? name,
      plugin: skill.plugin,
      context: {
        ref: {
          name,
          agent,
          fallbackUsed: false,
          format: skill.format,
          contentHash: skill.contentHash,
          instructionsHash: contentHash(skill.instructions),
          constraints,
        },
        constraints: { name, ...constraints },
        instructions: skill.instructions,
        failure: null,
      },
    };
  }
  // A file that broke after it once loaded keeps its last operation, tool list and throttle: a typo must not lift them.
  const lastGood = (await getSkillStats(readModel, null, name))?.lastGood ?? null;
  const operationType = lastGood?.operationType ?? name;
  const instructions = fallbackInstructions({
    skillName: name,
    agent,
    operationType,
    inputKeys: Object.keys(inputContext),
    reason: load.reason,
  });
  // Relative to the skills directory: the log should not carry the server's absolute paths.
  const file = load.file === null ? null : path.relative(skillsDir, load.file) || null;
  const constraints = lastGood?.constraints ?? { allowedTools: null, throttle: null };
  const fallbackReason = lastGood
    ? `${load.reason} (the last loaded allowed-tools and throttle still apply)`
    : load.reason;
  return {
    operationType,
    plugin: lastGood?.plugin ?? null,
    context: {
      ref: {
        name,
        agent,
        fallbackUsed: true,
        format: null,
        contentHash: null,
        instructionsHash: contentHash(instructions),
        fallbackReason,
        constraints,
      },
      constraints: { name, ...constraints },
      instructions,
      failure: { skill: name, code: load.code, reason: load.reason, file, line: load.line },
    },
  };
}
