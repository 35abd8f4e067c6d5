import { isPlainObject, type JsonObject, type JsonValue } from '#kernel';
import type { GoldCall } from './workload.types.js';

/** API-Bank's retrieval tool: it finds APIs, it does not act, so it is no part of the plan. */
export const TOOL_SEARCHER = 'ToolSearcher';

/** `file: where: reason`, so a bad record in a data set can be found. */
export const dataError = (file: string, where: string, reason: string): Error =>
  new Error(`${file}: ${where}: ${reason}`);

/**
 * A gold call from an API-Bank call record. API-Bank wraps results as `{api_name, input, output, exception}`;
 * the call's output is the inner `output` (an exception, when recorded, becomes `{exception}`).
 */
export function apiBankCall(name: unknown, args: unknown, result: unknown, fail: (reason: string) => Error): GoldCall {
  if (typeof name !== 'string' || name === '') throw fail('api_name must be a non-empty string');
  if (!isPlainObject(args)) throw fail(`${name}: input must be an object`);
  const call: GoldCall = { tool: name, args: args as JsonObject };
  if (isPlainObject(result)) {
    if (result.exception !== null && result.exception !== undefined)
      call.output = { exception: result.exception as JsonValue };
    else if (result.output !== undefined) call.output = result.output as JsonValue;
  }
  return call;
}
