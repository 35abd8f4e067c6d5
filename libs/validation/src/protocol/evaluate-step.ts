import { errorMessage } from '../../../kernel/src/index.js';
import type { Rule, StepCheck, Verdict } from './rule.js';

/**
 * Runs every rule against a step; the first denial decides. A rule that throws denies (default deny), so a bug
 * in a rule can block work but can never let an unchecked step through.
 */
export function evaluateStep(rules: readonly Rule[], input: StepCheck): Verdict {
  const citations: string[] = [];
  for (const rule of rules) {
    citations.push(rule.id);
    let outcome;
    try {
      outcome = rule.check(input);
    } catch (e) {
      return { allowed: false, citations, deniedBy: rule.id, reason: `rule error: ${errorMessage(e)}` };
    }
    if (!outcome.allowed) return { allowed: false, citations, deniedBy: rule.id, reason: outcome.reason };
  }
  return { allowed: true, citations };
}
