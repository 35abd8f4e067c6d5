import { checkSchema, validateArgs } from '#validation';
import { TOOL_NAME_PATTERN } from '#domain';
import type { Workload } from './workload.types.js';

/** Everything that would stop the orchestrator from registering the catalogue or running the gold plans. */
export function catalogueProblems(w: Pick<Workload, 'records' | 'tools'>): string[] {
  const problems: string[] = [];
  const tools = new Map(w.tools.map((t) => [t.name, t]));
  for (const t of w.tools) {
    if (!TOOL_NAME_PATTERN.test(t.name)) problems.push(`bad tool name ${t.name}`);
    for (const issue of checkSchema(t.argsSchema)) problems.push(`${t.name} schema: ${issue.message}`);
  }
  for (const r of w.records) {
    r.plan.forEach((call, i) => {
      const tool = tools.get(call.tool);
      if (!tool) return problems.push(`${r.id} step ${i}: unknown tool ${call.tool}`);
      for (const issue of validateArgs(tool.argsSchema, call.args))
        problems.push(`${r.id} step ${i} ${call.tool}: ${issue.message}`);
    });
  }
  return problems;
}
