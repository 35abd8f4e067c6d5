import { BadInputError } from '#kernel';
import type { RuntimePlugin } from '#plugins';
import { describeIssues, validateArgs } from '#validation';
import type { ValidExecuteInput } from './execute-operation.input.js';

/** Params must fit the schema the plugin declares for the operation type (if any); refused before anything is written. */
export function checkParams(plugin: RuntimePlugin, input: ValidExecuteInput): void {
  const schema = plugin.paramsSchemas?.[input.type];
  if (!schema) return;
  const issues = validateArgs(schema, input.params);
  if (issues.length === 0) return;
  throw new BadInputError(
    'PARAMS_INVALID',
    `params do not fit ${plugin.name}'s "${input.type}" schema: ${describeIssues(issues)}`,
    { issues: issues.slice(0, 20) },
  );
}
