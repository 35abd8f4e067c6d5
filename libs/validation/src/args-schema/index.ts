/**
 * Tool-argument validation against a small JSON Schema subset, pure (no I/O, no Nest).
 *
 * Supported keywords: `type` (string | number | integer | boolean | object | array | null, or an array of them),
 * `properties`, `required`, `additionalProperties` (boolean or schema), `items` (one schema), `enum`, `const`,
 * `minLength`, `maxLength` (code points), `pattern` (unanchored, unicode mode, like ajv), `minimum`, `maximum`
 * (inclusive), `minItems`, `maxItems`, `anyOf`, `oneOf`. Subschemas may be `true`/`false`.
 * Other keywords are ignored by `validateArgs`; notably `exclusiveMinimum`, `multipleOf`, `$ref`, `format`,
 * `patternProperties`, `allOf`, `not` have no effect, so do not rely on them in tool schemas.
 *
 * Use `checkSchema` when a plugin registers (refuse the plugin on any issue); `validateArgs` before a step runs.
 * Limits (`ARGS_SCHEMA_LIMITS`): depth 32, pattern input ≤ 10k chars, ≤ 100 issues per call.
 */
export { type ArgsIssue, ARGS_SCHEMA_LIMITS, describeIssues } from './args-issue.js';
export { checkSchema, ARGS_SCHEMA_TYPES } from './check-schema.js';
export { validateArgs } from './validate-args.js';
