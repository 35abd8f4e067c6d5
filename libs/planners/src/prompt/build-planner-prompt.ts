import { stableStringify } from '#kernel';
import type { ToolDefinition } from '#domain';
import { MAX_PLAN_STEPS } from '#domain';
import type { PlanRequest } from '../planner.port.js';

/** The two texts a chat model receives; the same request always yields the same texts (benchmarks count their tokens). */
export interface PlannerPrompt {
  system: string;
  user: string;
}

const OUTPUT_CONTRACT = [
  'Answer with ONLY one JSON object, no prose, no code fence:',
  '{"steps":[{"tool":"<tool name>","args":{...}}]}',
  'Rules:',
  `- 1 to ${MAX_PLAN_STEPS} steps; they run in order, each one after the previous succeeded.`,
  '- "tool" is the exact name of a tool listed below; "args" is an object valid against that tool\'s args schema.',
  '- A step has only the keys "tool" and "args".',
  '- Use a destructive tool (deletes or overwrites data) only when the operation asks for that effect.',
  '- Every step must obey the protocol rules below; a step that breaks one is blocked and the execution fails.',
].join('\n');

/** One catalogue line per tool. Schemas use sorted keys so equal requests render identically. */
const toolLine = (t: ToolDefinition): string => {
  const description = t.description ? ` ${t.description.trim()}` : '';
  return `- ${t.name}${t.destructive ? ' [destructive]' : ''}:${description}\n  args schema: ${stableStringify(t.argsSchema)}`;
};

/**
 * The planner prompt for one request: system = role, output contract, tool catalogue, protocol rules;
 * user = operation type, params and (when run as a skill) its instructions. A pure function of the request.
 */
export function buildPlannerPrompt(req: PlanRequest): PlannerPrompt {
  const { operation, plugin, protocolText } = req;
  const tools = plugin.tools.length > 0 ? plugin.tools.map(toolLine).join('\n') : '(none)';
  const system = [
    `You plan operations for the plugin "${plugin.name}" of a workflow engine: turn the operation into tool calls.`,
    OUTPUT_CONTRACT,
    `Tools:\n${tools}`,
    `Protocol rules:\n${protocolText.trim() || '(none)'}`,
  ].join('\n\n');
  const user = [`Operation: ${operation.type}`, `Params: ${stableStringify(operation.params)}`];
  const instructions = operation.instructions?.trim();
  if (instructions) user.push(`Instructions:\n${instructions}`);
  user.push('Answer with the JSON plan only.');
  return { system, user: user.join('\n\n') };
}
