/**
 * Plan templates: a learned pattern is the plan of a successful computed execution with the operation's param
 * values turned into slots, so it can be replayed for new params of the same shape (`paramShape`).
 *
 * - `extractTemplate(params, steps)` → `PlanTemplate`; `instantiateTemplate(template, params)` → steps or a miss.
 * - Round trip: `instantiateTemplate(extractTemplate(p, s), p)` gives `s` back for any params and steps.
 * - `templateHash` identifies a template by content (steps and slots).
 *
 * - With the recorded step outputs, `extractTemplate(p, s, outputs)` also learns references to earlier outputs
 *   (`$out`, `{@step/path}`) and per-item steps (`each` + `$item`); `resolveTemplate` builds such plans step by
 *   step as outputs arrive. `fragile` lists why one example may not generalise (see fragility.ts).
 *
 * Known limits (values stay constants, so such plans only replay correctly for the params they were learned from
 * unless the constant happens not to matter; `fragile` flags the ones that look derived):
 * - Filters and computations over outputs (a subset of a list, a sum, a date plus one day) are not learned.
 * - Per-item steps iterate an earlier output list, not an array param.
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
export { resolveTemplate } from './resolve-template.js';
export { collectRefs } from './template-refs.js';
export { templateHash } from './template-hash.js';
export { MIN_INNER_MATCH_LENGTH } from './param-index.js';
