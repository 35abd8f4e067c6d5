/**
 * Plan templates: a learned pattern is the plan of a successful computed execution with the operation's param
 * values turned into slots, so it can be replayed for new params of the same shape (`paramShape`).
 *
 * - `extractTemplate(params, steps)` → `PlanTemplate`; `instantiateTemplate(template, params)` → steps or a miss.
 * - Round trip: `instantiateTemplate(extractTemplate(p, s), p)` gives `s` back for any params and steps.
 * - `templateHash` identifies a template by content (steps and slots).
 *
 * Known limits (values stay constants, so such plans only replay correctly for the params they were learned from
 * unless the constant happens not to matter):
 * - Values that came from earlier step outputs (ids, generated names) are not generalised.
 * - Per-item loops are not generalised: a plan with one step per element of an array param keeps the old count.
 * - Values derived from params (upper-cased, pluralised, numbers inside strings, sums) are not recognised.
 * - Substrings are matched without word boundaries: param `module` also turns the constant `modules/` into
 *   `{name}s/`. Only param string values of length ≥ 3 are matched inside strings; whole values of any length are.
 * - null, '', [], {} and non-finite numbers are never slotted; tool names and object keys are never slotted.
 * - When two params share a value, the first by name is chosen and `ambiguous` is set: callers should prefer
 *   not to learn such a template.
 * - Booleans and small numbers equal to a param are slotted even where they were unrelated constants.
 */
export * from './template.types.js';
export { paramShape } from './param-shape.js';
export { extractTemplate } from './extract-template.js';
export { instantiateTemplate } from './instantiate-template.js';
export { templateHash } from './template-hash.js';
export { MIN_INNER_MATCH_LENGTH } from './param-index.js';
