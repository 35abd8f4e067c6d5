import type { RuleSpec } from './protocol.types.js';
import type { Rule } from './rule.js';
import { argsSchemaRule, pluginRegisteredRule, toolExistsRule } from './rules/verification.rules.js';
import { toolAllowRule, toolDenyRule } from './rules/tool-list.rules.js';
import { destructiveGuardRule, moduleLayoutRule, pathContainmentRule } from './rules/path.rules.js';
import { maxStepsRule, requiresApprovalRule, tokenBudgetRule } from './rules/plan-limits.rules.js';

/** A step rule from its data form; `rate-limit` is not a step rule (see {@link decideAdmission}) and yields null. */
export function compileRule(protocolId: string, spec: RuleSpec): Rule | null {
  const id = `${protocolId}/${spec.id}`;
  switch (spec.kind) {
    case 'plugin-registered':
      return pluginRegisteredRule(id, spec.when);
    case 'tool-exists':
      return toolExistsRule(id, spec.when);
    case 'args-schema':
      return argsSchemaRule(id, spec.when, spec.schema);
    case 'tool-allow':
      return toolAllowRule(id, spec.tools, spec.when, spec.reason);
    case 'tool-deny':
      return toolDenyRule(id, spec.tools, spec.when, spec.reason);
    case 'path-containment':
      return pathContainmentRule(id, spec.when, spec.args);
    case 'module-layout':
      return moduleLayoutRule(id, spec.when, spec.args);
    case 'destructive-guard':
      return destructiveGuardRule(id, spec.when, spec.tools, spec.protectedPaths);
    case 'max-steps':
      return maxStepsRule(id, spec.max, spec.when);
    case 'token-budget':
      return tokenBudgetRule(id, spec.max, spec.when);
    case 'requires-approval':
      return requiresApprovalRule(id, spec.when, spec.reason);
    case 'rate-limit':
      return null;
  }
}
