import { type ReadModelStore } from '../../../stores/src/read-model/index.js';
import { SKILL_STATS, type SkillStatsDoc } from '../../../projections/src/index.js';
import { skillFidelity } from '../execute-skill/execute-skill.js';
import type { SkillLoad } from '../../../skills/src/index.js';
import { citationChainRule, CITATION_PROTOCOL, type ProtocolSet } from '../../../validation/src/protocol/index.js';

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

export interface ProtocolView {
  id: string;
  title: string;
  description: string | null;
  source: string;
  rules: { id: string; kind: string; description: string | null; spec: object }[];
}

/** Skill folders as they load now, joined with the outcomes recorded for them. */
export async function skillsView(loads: SkillLoad[], readModel: ReadModelStore): Promise<SkillView[]> {
  const stats = new Map((await readModel.find<SkillStatsDoc>(SKILL_STATS)).map((s) => [s.name, s]));
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

/** The protocols in force, WSP 82's evaluator rule included, as data. */
export function protocolsView(set: ProtocolSet): ProtocolView[] {
  const views: ProtocolView[] = set.protocols.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description ?? null,
    source: p.source,
    rules: p.rules.map(({ id, kind, description, ...spec }) => ({
      id: `${p.id}/${id}`,
      kind,
      description: description ?? null,
      spec,
    })),
  }));
  const chain = {
    id: citationChainRule.id,
    kind: citationChainRule.kind,
    description: 'every step cites WSP-50 and WSP-64',
    spec: {},
  };
  views.push({
    id: CITATION_PROTOCOL.id,
    title: CITATION_PROTOCOL.title,
    description: null,
    source: 'builtin',
    rules: [chain],
  });
  return views;
}
