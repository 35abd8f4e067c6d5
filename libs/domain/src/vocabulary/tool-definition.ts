import type { JsonObject } from '#kernel';

/** A JSON Schema subset for tool arguments and operation params (checked by libs/validation args-schema). */
export type ArgsSchema = JsonObject;

/** One atomic step a plugin can run. */
export interface ToolDefinition {
  name: string;
  description?: string;
  /** What the step's args must satisfy; path arguments are marked with `format: "path"` (path rules check them). */
  argsSchema: ArgsSchema;
  /** Deletes or overwrites data; the WSP 64 destructive-action guard applies to it. */
  destructive?: boolean;
}
