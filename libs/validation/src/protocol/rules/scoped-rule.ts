import type { RuleScope } from '../protocol.types.js';
import type { Rule, StepCheck } from '../rule.js';
import { compileScope } from '../scope.js';

/** Builds a rule whose scope (`when`) is compiled once. */
export function scopedRule(id: string, kind: Rule['kind'], scope: RuleScope | undefined, check: Rule['check']): Rule {
  const inScope = compileScope(scope);
  const applies = (i: StepCheck): boolean =>
    inScope({
      operationType: i.operation.type,
      plugin: i.plugin.name,
      tool: i.step.tool,
      skill: i.skill,
      source: i.source,
    });
  return { id, kind, applies, check };
}
