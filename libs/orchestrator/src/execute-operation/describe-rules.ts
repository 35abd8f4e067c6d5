/** The rules that will judge a plan, one line each: the protocol text LLM planners (and the oracle) send. */
export const describeRules = (rules: readonly { id: string; kind: string }[]): string =>
  rules.map((r) => `- ${r.id} (${r.kind})`).join('\n');
