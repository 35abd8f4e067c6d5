import { PluginError, errorMessage, isWreError, type JsonValue } from '#kernel';
import type { StepContext } from '../plugin.types.js';
import { toJsonValue } from './json-output.js';

const messageOf = (e: unknown): string => errorMessage(e).slice(0, 500);

/**
 * Runs plugin code for one step: our own errors pass through with their codes, anything else becomes
 * PluginError `TOOL_FAILED` (message only, never the stack), and the result is forced into JSON.
 */
export async function runToolGuarded(
  plugin: string,
  tool: string,
  ctx: StepContext,
  run: () => unknown,
): Promise<JsonValue> {
  if (ctx.signal?.aborted) throw new PluginError('STEP_ABORTED', `step ${ctx.stepIndex} aborted`, { plugin, tool });
  let output: unknown;
  try {
    output = await run();
  } catch (e) {
    if (isWreError(e)) throw e;
    throw new PluginError('TOOL_FAILED', `tool ${plugin}.${tool} failed: ${messageOf(e)}`, {
      plugin,
      tool,
      cause: messageOf(e),
    });
  }
  return toJsonValue(output, 'output', { plugin, tool });
}

/** Calls a planner; unexpected exceptions become PluginError `PLAN_FAILED`. */
export async function callPlannerGuarded(plugin: string, run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (e) {
    if (isWreError(e)) throw e;
    throw new PluginError('PLAN_FAILED', `planner of ${plugin} failed: ${messageOf(e)}`, {
      plugin,
      cause: messageOf(e),
    });
  }
}

/** The standard "no such tool" refusal. */
export const toolNotFound = (plugin: string, tool: string): PluginError =>
  new PluginError('TOOL_NOT_FOUND', `plugin ${plugin} has no tool ${JSON.stringify(tool.slice(0, 64))}`, {
    plugin,
    tool,
  });
