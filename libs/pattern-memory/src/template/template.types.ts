import type { JsonValue } from '#kernel';
import type { PlanStep } from '#domain';

/** Whole value taken from param `$slot` (any JSON type). */
export type SlotMarker = { $slot: string };

/** String with `{param}` placeholders; literal braces are written `{{` and `}}`. */
export type FormatMarker = { $format: string };

/** A constant that would otherwise read as a marker (plugin output must not be able to inject slots). */
export type LiteralMarker = { $literal: JsonValue };

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = (string | number)[];

/**
 * Whole value taken from the output of an earlier template step (`step` is a template step index; the output of
 * a per-item step is the array of its items' outputs). `as: 'string'` turns a number into its decimal text.
 */
export type OutputMarker = { $out: { step: number; path: JsonPath; as?: 'string' } };

/** Whole value taken from the current item of a per-item step (`path` inside the item). */
export type ItemMarker = { $item: { path: JsonPath; as?: 'string' } };

/**
 * An argument value in a template: JSON where an object with exactly one key, that key being `$slot`, `$format`
 * or `$literal`, is a marker (`SlotMarker`, `FormatMarker`, `LiteralMarker`). Objects with more keys are plain
 * objects whose values may hold markers. Markers are JSON themselves, so templates store and hash as JSON.
 */
export type TemplateArg = JsonValue;

/** A plan step whose args may hold markers. `args` itself is always a plain object, never a marker. */
export interface TemplateStep {
  tool: string;
  args: { [key: string]: TemplateArg };
  /** Per-item step: runs once per element of this array (an earlier template step's output at `path`). */
  each?: { step: number; path: JsonPath };
}

/** A learned plan with param values turned into slots. */
export interface PlanTemplate {
  steps: TemplateStep[];
  /** Sorted names of the params the steps use. */
  slots: string[];
  /**
   * Set by `extractTemplate`: true when a value used in the plan belonged to more than one param, so which param
   * it came from was a guess (the first by name). Callers may decline to learn such a template.
   */
  ambiguous?: boolean;
  /**
   * A number was slotted by equality, or a param value occurs twice within one path-like string (no whitespace):
   * either the plan really uses the param there (`src/{name}/{name}.ts`) or a
   * constant happens to equal it (`modules/general/tests/tests` for name "tests"). One example cannot tell, so
   * the pattern memory waits for a second example with other values before serving it.
   */
  repeated?: boolean;
  /**
   * Why one example cannot be trusted to generalise (a constant shaped like a value that varied, a constant made
   * of values seen in params or outputs, a reference to a fixed position > 0 of an output list, a value found at
   * more than one place in the outputs). Like `repeated`, such a template waits for a confirming second example.
   */
  fragile?: string[];
}

/** Either the concrete steps, or why the template cannot be applied to these params (it never guesses). */
export type InstantiateResult = { ok: true; steps: PlanStep[] } | { ok: false; missing: string[]; reason: string };

/** A concrete step and the template step it came from (and, for per-item steps, which item). */
export interface ResolvedStep {
  templateStep: number;
  item?: number;
  step: PlanStep;
}

/**
 * Progressive resolution: the steps that can be built now (all their params and outputs known), the template
 * step to continue from once they ran, and whether the plan is complete. `ok: false` never guesses.
 */
export type ResolveResult =
  | { ok: true; steps: ResolvedStep[]; next: number; complete: boolean }
  | { ok: false; missing: string[]; reason: string };

export const MARKER_KEYS = ['$slot', '$format', '$literal', '$out', '$item'] as const;
export type MarkerKey = (typeof MARKER_KEYS)[number];

/** The marker key of `value` if it is shaped like a marker (exactly one own key, a marker key), else null. */
export function markerKeyOf(value: unknown): MarkerKey | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0] : undefined;
  return only !== undefined && (MARKER_KEYS as readonly string[]).includes(only) ? (only as MarkerKey) : null;
}
