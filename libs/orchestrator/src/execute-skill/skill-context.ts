import path from 'node:path';
import { contentHash, type JsonObject } from '../../../kernel/src/index.js';
import { fallbackInstructions, loadSkill } from '../../../skills/src/index.js';
import type { SkillContext } from '../execute-operation/index.js';

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
export async function resolveSkill(skillsDir: string, name: string, agent: string, inputContext: JsonObject): Promise<ResolvedSkill> {
  const load = await loadSkill(skillsDir, name);
  if (load.ok) {
    const { skill } = load;
    return {
      operationType: skill.operationTypes[0] ?? name,
      plugin: skill.plugin,
      context: {
        ref: { name, agent, fallbackUsed: false, format: skill.format, contentHash: skill.contentHash, instructionsHash: contentHash(skill.instructions) },
        constraints: { name, allowedTools: skill.allowedTools, throttle: skill.throttle },
        instructions: skill.instructions,
        failure: null,
      },
    };
  }
  const instructions = fallbackInstructions({ skillName: name, agent, operationType: name, inputKeys: Object.keys(inputContext), reason: load.reason });
  // Relative to the skills directory: the log should not carry the server's absolute paths.
  const file = load.file === null ? null : path.relative(skillsDir, load.file) || null;
  return {
    operationType: name,
    plugin: null,
    context: {
      ref: { name, agent, fallbackUsed: true, format: null, contentHash: null, instructionsHash: contentHash(instructions), fallbackReason: load.reason },
      constraints: { name, allowedTools: null, throttle: null },
      instructions,
      failure: { skill: name, code: load.code, reason: load.reason, file, line: load.line },
    },
  };
}
