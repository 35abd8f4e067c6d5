import { skillStatsByName } from '#projections';
import { loadAllSkills } from '#skills';
import { skillFidelity } from '../execute-skill/skill-fidelity.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';

export interface SkillView {
  name: string;
  ok: boolean;
  description: string | null;
  format: string | null;
  operationTypes: string[];
  allowedTools: string[] | null;
  code: string | null;
  reason: string | null;
  warnings: string[];
  executions: number;
  succeeded: number;
  throttled: number;
  fallbacks: number;
  fidelity: number;
}

/** Every skill folder as it loads now (same checks as `npm run skills:check`), with the tenant's recorded outcomes (null: all). */
export async function listSkills(
  rt: Pick<WreRuntime, 'config' | 'readModel'>,
  tenant: string | null = null,
): Promise<SkillView[]> {
  const loads = await loadAllSkills(rt.config.skillsDir);
  const stats = await skillStatsByName(rt.readModel, tenant);
  // A missing skills directory is the normal state of a fresh install, not a broken skill.
  return loads
    .filter((l) => l.ok || l.code !== 'SKILL_DIR_MISSING')
    .map((l) => {
      const name = l.ok ? l.skill.name : l.name;
      const s = stats.get(name);
      return {
        name,
        ok: l.ok,
        description: l.ok ? l.skill.description : null,
        format: l.ok ? l.skill.format : null,
        operationTypes: l.ok ? l.skill.operationTypes : [],
        allowedTools: l.ok ? l.skill.allowedTools : null,
        code: l.ok ? null : l.code,
        reason: l.ok ? null : l.reason,
        warnings: l.warnings,
        executions: s?.executions ?? 0,
        succeeded: s?.succeeded ?? 0,
        throttled: s?.throttled ?? 0,
        fallbacks: s?.fallbacks ?? 0,
        fidelity: skillFidelity(s),
      };
    });
}
