import type { RuleScope } from '../protocol.types.js';
import { ALLOW, deny, type Rule } from '../rule.js';
import { scopedRule } from './scoped-rule.js';

/** A plan longer than `max` steps is refused before its first step runs. */
export const maxStepsRule = (id: string, max: number, scope?: RuleScope): Rule =>
  scopedRule(id, 'max-steps', scope, ({ plan }) =>
    plan.steps.length <= max ? ALLOW : deny(`plan has ${plan.steps.length} steps, more than the ${max} allowed`),
  );

/** WSP 75: what planning this operation cost must stay within the budget (a recalled plan costs 0). */
export const tokenBudgetRule = (id: string, max: number, scope?: RuleScope): Rule =>
  scopedRule(id, 'token-budget', scope, ({ plan }) =>
    plan.tokens.total <= max ? ALLOW : deny(`planning used ${plan.tokens.total} tokens, over the budget of ${max}`),
  );

/** The requester must name this rule in `approvals`; the approval is recorded with the request. */
export const requiresApprovalRule = (id: string, scope?: RuleScope, reason?: string): Rule =>
  scopedRule(id, 'requires-approval', scope, ({ approvals, step }) =>
    approvals.includes(id)
      ? ALLOW
      : deny(`${reason ?? `tool "${step.tool}" needs approval`}; resend with approvals: ["${id}"]`),
  );
