import type { JsonObject, JsonValue } from '#kernel';
import type { ToolDefinition } from '#domain';

/** One gold tool call: what the reference plan ran, with which arguments, and (when the data records it) what came back. */
export interface GoldCall {
  tool: string;
  args: JsonObject;
  output?: JsonValue;
}

/** A natural-language request and its gold plan. */
export interface PlanRecord {
  id: string;
  request: string;
  plan: GoldCall[];
}

/**
 * A replayable data set: the records plus the tool catalogue they run against (the environment, shared by all
 * records). `argsInGold` is false when the gold names tools only (RestBench), so argument accuracy is meaningless.
 */
export interface Workload {
  name: string;
  source: string;
  licence: string;
  records: PlanRecord[];
  tools: ToolDefinition[];
  argsInGold: boolean;
}
