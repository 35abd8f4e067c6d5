import type { JsonObject } from '#kernel';

/**
 * Where a rule applies. Every listed dimension must match; an absent dimension matches everything.
 * Names may end in `*` (prefix match): `tools: ['delete_*']`.
 */
export interface RuleScope {
  operationTypes?: string[];
  plugins?: string[];
  tools?: string[];
  skills?: string[];
  /** Only plans from pattern memory (`recalled`) or from a planner (`computed`). */
  source?: 'recalled' | 'computed';
}

interface RuleSpecBase {
  /** Unique inside its protocol; decisions cite `<protocol id>/<rule id>`. */
  id: string;
  description?: string;
  when?: RuleScope;
}

/**
 * A rule as data (built-in or loaded from `protocols/*.yaml|json`). Kinds:
 * - `plugin-registered`, `tool-exists`: WSP 50 pre-action verification
 * - `args-schema`: the step's args must fit the tool's own schema (`schema` absent) or the given one
 * - `tool-allow` / `tool-deny`: only / never these tools (prefix `*` allowed)
 * - `path-containment`: path arguments resolve inside the workspace root (symlinks followed)
 * - `module-layout`: path arguments under `modules/` follow `modules/<domain>/<name>/…`
 * - `destructive-guard`: destructive tools never target the root or a protected path
 * - `max-steps`: the plan has at most `max` steps
 * - `token-budget`: planner tokens of the plan at most `max`
 * - `rate-limit`: at most `max` admitted executions per sliding `windowMs` (+ optional cooldown), per
 *   operation type or skill; checked when the request arrives, answered with THROTTLED
 * - `requires-approval`: the request must carry this rule's id in `approvals`
 */
export type RuleSpec =
  | (RuleSpecBase & { kind: 'plugin-registered' | 'tool-exists' })
  | (RuleSpecBase & { kind: 'args-schema'; schema?: JsonObject })
  | (RuleSpecBase & { kind: 'tool-allow' | 'tool-deny'; tools: string[]; reason?: string })
  | (RuleSpecBase & { kind: 'path-containment' | 'module-layout'; args?: string[] })
  | (RuleSpecBase & { kind: 'destructive-guard'; tools?: string[]; protectedPaths?: string[] })
  | (RuleSpecBase & { kind: 'max-steps'; max: number })
  | (RuleSpecBase & { kind: 'token-budget'; max: number })
  | (RuleSpecBase & { kind: 'rate-limit'; max: number; windowMs: number; cooldownMs?: number })
  | (RuleSpecBase & { kind: 'requires-approval'; reason?: string });

export type RuleKind = RuleSpec['kind'];

export const RULE_KINDS: readonly RuleKind[] = [
  'plugin-registered',
  'tool-exists',
  'args-schema',
  'tool-allow',
  'tool-deny',
  'path-containment',
  'module-layout',
  'destructive-guard',
  'max-steps',
  'token-budget',
  'rate-limit',
  'requires-approval',
];

/** A named rule set (the seed's WSP ids are protocol ids: `WSP-50`, `WSP-64`, …). */
export interface ProtocolDefinition {
  /** `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`, e.g. `WSP-50`, `ACME-7`. */
  id: string;
  title: string;
  description?: string;
  rules: RuleSpec[];
  /** `builtin` or the file it came from (relative to the protocols directory). */
  source: string;
}

export const PROTOCOL_ID_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
export const RULE_ID_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
