import type { RuleScope } from '../protocol.types.js';
import type { ProblemSink, ValuePath } from './protocol-file-problem.js';
import { asMapping, describeValue, readNameList, rejectUnknownKeys, type Mapping } from './value-checks.js';

const NAME_DIMENSIONS = ['operationTypes', 'plugins', 'tools', 'skills'] as const;
const SOURCES = ['recalled', 'computed'] as const;

/** The rule's optional `when:` scope; undefined when absent or invalid (problems go to the sink). */
export function validateScope(rule: Mapping, rulePath: ValuePath, sink: ProblemSink): RuleScope | undefined {
  if (!Object.hasOwn(rule, 'when')) return undefined;
  const path = [...rulePath, 'when'];
  const when = asMapping(rule.when, path, "'when'", sink);
  if (when === undefined) return undefined;
  rejectUnknownKeys(when, [...NAME_DIMENSIONS, 'source'], path, sink, "'when'");
  const scope: RuleScope = {};
  for (const key of NAME_DIMENSIONS) {
    const names = readNameList(when, key, path, sink, { required: false, wildcard: true });
    if (names !== undefined) scope[key] = names;
  }
  if (Object.hasOwn(when, 'source')) {
    const source = when.source;
    if (source === 'recalled' || source === 'computed') scope.source = source;
    else sink.add([...path, 'source'], `'source' must be one of ${SOURCES.join(', ')}, got ${describeValue(source)}`);
  }
  return scope;
}
