import { RULE_ID_PATTERN, RULE_KINDS, type RuleKind, type RuleSpec } from '../protocol.types.js';
import { KIND_FIELDS } from './rule-kind-fields.js';
import type { ProblemSink, ValuePath } from './protocol-file-problem.js';
import { validateScope } from './validate-scope.js';
import {
  asMapping,
  closestName,
  compact,
  describeValue,
  hasKey,
  preview,
  readId,
  readString,
  rejectUnknownKeys,
  type Mapping,
} from './value-checks.js';

const COMMON_FIELDS = ['id', 'kind', 'description', 'when'] as const;

/**
 * One entry of a protocol's `rules:` list as a `RuleSpec`, or undefined when anything about it is wrong (every
 * problem goes to the sink, prefixed with the rule's id so a long list of messages stays readable).
 */
export function validateRule(value: unknown, path: ValuePath, sink: ProblemSink): RuleSpec | undefined {
  const before = sink.count;
  const rule = asMapping(value, path, 'a rule', sink);
  if (rule === undefined) return undefined;
  const id = readId(rule, path, sink, RULE_ID_PATTERN, 'rule id', 'no-force-push');
  const scoped = sink.within(id === undefined ? `rules[${String(path.at(-1))}]` : `rule '${id}'`);
  const kind = readKind(rule, path, scoped);
  const description = readString(rule, 'description', path, scoped, false);
  const when = validateScope(rule, path, scoped);
  // Without a known kind the allowed keys are unknown too, so unknown-key checks wait until the kind is fixed.
  if (kind === undefined) return undefined;
  // A request has no tool or plan source yet when its rate limit is decided: such a scope would match everything.
  if (kind === 'rate-limit' && when) {
    for (const key of ['tools', 'source'] as const) {
      if (when[key] !== undefined)
        scoped.add(
          [...path, 'when', key],
          `'when.${key}' cannot scope a rate-limit rule (limits apply per request, before any plan); use operationTypes, plugins or skills`,
        );
    }
  }
  const fields = KIND_FIELDS[kind];
  rejectUnknownKeys(rule, [...COMMON_FIELDS, ...fields.fields], path, scoped, `a ${kind} rule`);
  const spec = fields.build(rule, path, scoped, compact({ id: id ?? '', kind, description, when }));
  return sink.count === before ? spec : undefined;
}

function readKind(rule: Mapping, path: ValuePath, sink: ProblemSink): RuleKind | undefined {
  if (!hasKey(rule, 'kind', path, sink, true)) return undefined;
  const kind = rule.kind;
  if (typeof kind !== 'string')
    return sink.add([...path, 'kind'], `'kind' must be a rule kind, got ${describeValue(kind)}`);
  if ((RULE_KINDS as readonly string[]).includes(kind)) return kind as RuleKind;
  const hint = closestName(kind, RULE_KINDS);
  const suggestion = hint === undefined ? '' : ` (did you mean '${hint}'?)`;
  sink.add(
    [...path, 'kind'],
    `unknown rule kind ${preview(kind)}${suggestion}; expected one of: ${RULE_KINDS.join(', ')}`,
  );
  return undefined;
}
