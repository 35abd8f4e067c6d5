import { errorMessage } from '#kernel';
import { ALLOW, deny, type Rule, type StepCheck, type Verdict } from './rule.js';
import { CITATION_PROTOCOL, MANDATORY_PROTOCOLS } from './builtin-protocols.js';

/**
 * WSP 82: a step may only run with a citation chain that includes each mandatory protocol, so no
 * configuration (or future bug in scoping) can let a step through that was never verified.
 */
export const citationChainRule: Rule = {
  id: `${CITATION_PROTOCOL.id}/citation-chain`,
  kind: 'citation-chain',
  applies: () => true,
  check: (_input, consulted) => {
    const missing = MANDATORY_PROTOCOLS.filter((p) => !consulted.some((c) => c.startsWith(`${p}/`)));
    return missing.length === 0 ? ALLOW : deny(`citation chain lacks ${missing.join(', ')}`);
  },
};

/**
 * Runs every applicable rule against a step, then the WSP 82 chain check; the first denial decides. A rule that
 * throws denies (default deny), so a bug in a rule can block work but can never let an unchecked step through.
 */
export function evaluateStep(rules: readonly Rule[], step: StepCheck): Verdict {
  const input = step.memo ? step : { ...step, memo: new Map<string, unknown>() };
  const citations: string[] = [];
  // Returns the denial, or null when the rule does not apply or allows. `citations` is the chain so far, the
  // rule itself not yet included (what `check` receives), and gains the rule once it has been consulted.
  const consult = (rule: Rule): Verdict | null => {
    let outcome;
    try {
      if (!rule.applies(input)) return null;
      outcome = rule.check(input, citations);
    } catch (e) {
      citations.push(rule.id);
      return { allowed: false, citations, deniedBy: rule.id, reason: `rule error: ${errorMessage(e)}` };
    }
    citations.push(rule.id);
    return outcome.allowed ? null : { allowed: false, citations, deniedBy: rule.id, reason: outcome.reason };
  };
  for (const rule of rules) {
    const denial = consult(rule);
    if (denial) return denial;
  }
  return consult(citationChainRule) ?? { allowed: true, citations };
}
