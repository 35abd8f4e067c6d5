import type { RuleScope } from '../protocol.types.js';
import { ALLOW, deny, type Rule } from '../rule.js';
import { nameMatcher } from '../scope.js';
import { scopedRule } from './scoped-rule.js';

/** Only the listed tools may run (within the rule's scope). */
export function toolAllowRule(id: string, tools: readonly string[], scope?: RuleScope, reason?: string): Rule {
  const allowed = nameMatcher(tools);
  return scopedRule(id, 'tool-allow', scope, ({ step }) =>
    allowed(step.tool) ? ALLOW : deny(reason ?? `tool "${step.tool}" is not in the allowed list [${tools.join(', ')}]`),
  );
}

/** The listed tools never run (within the rule's scope). */
export function toolDenyRule(id: string, tools: readonly string[], scope?: RuleScope, reason?: string): Rule {
  const forbidden = nameMatcher(tools, true);
  return scopedRule(id, 'tool-deny', scope, ({ step }) =>
    forbidden(step.tool) ? deny(reason ?? `tool "${step.tool}" is forbidden`) : ALLOW,
  );
}
