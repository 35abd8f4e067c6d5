import { isPlainObject } from '#kernel';
import { PROTOCOL_ID_PATTERN, RULE_ID_PATTERN, type ProtocolDefinition, type RuleSpec } from '../protocol.types.js';
import type { ProblemSink, ValuePath } from './protocol-file-problem.js';
import { validateRule } from './validate-rule.js';
import {
  asMapping,
  compact,
  describeValue,
  hasKey,
  readId,
  readString,
  rejectUnknownKeys,
  type Mapping,
} from './value-checks.js';

export type ParsedProtocol = Omit<ProtocolDefinition, 'source'>;

/** One protocol found in a file: its id (when readable, for cross-file checks) and the definition when valid. */
export interface ProtocolEntry {
  path: ValuePath;
  id?: string;
  definition?: ParsedProtocol;
}

const PROTOCOL_FIELDS = ['id', 'title', 'description', 'rules'] as const;
const SHAPE = 'a protocol mapping (id, title, rules) or a mapping with a `protocols:` list';

/** A parsed file holds either one protocol or `{ protocols: [ … ] }`. */
export function validateProtocolFile(root: unknown, sink: ProblemSink): ProtocolEntry[] {
  if (!isPlainObject(root)) {
    const got =
      root === null || root === undefined ? 'the file is empty' : `got ${describeValue(root)} at the top level`;
    sink.add([], `expected ${SHAPE}; ${got}`);
    return [];
  }
  if (!Object.hasOwn(root, 'protocols')) return [validateProtocol(root, [], sink)];
  rejectUnknownKeys(root, ['protocols'], [], sink, 'a file with a `protocols:` list');
  const list = root.protocols;
  if (Array.isArray(list) && list.length > 0) return list.map((p, i) => validateProtocol(p, ['protocols', i], sink));
  sink.add(
    ['protocols'],
    `'protocols' must be a non-empty list of protocols, got ${Array.isArray(list) ? 'an empty list' : describeValue(list)}`,
  );
  return [];
}

function validateProtocol(value: unknown, path: ValuePath, sink: ProblemSink): ProtocolEntry {
  const before = sink.count;
  const protocol = asMapping(value, path, 'a protocol', sink);
  if (protocol === undefined) return { path };
  rejectUnknownKeys(protocol, PROTOCOL_FIELDS, path, sink, 'a protocol');
  const id = readId(protocol, path, sink, PROTOCOL_ID_PATTERN, 'protocol id', 'ACME-7');
  const title = readString(protocol, 'title', path, sink, true);
  const description = readString(protocol, 'description', path, sink, false);
  const rules = readRules(protocol, path, sink);
  if (sink.count !== before || id === undefined || title === undefined) return compact({ path, id });
  return { path, id, definition: compact({ id, title, description, rules }) };
}

function readRules(protocol: Mapping, path: ValuePath, sink: ProblemSink): RuleSpec[] {
  if (!hasKey(protocol, 'rules', path, sink, true)) return [];
  const list = protocol.rules;
  const at = [...path, 'rules'];
  if (!Array.isArray(list) || list.length === 0) {
    sink.add(
      at,
      `'rules' must be a non-empty list of rules, got ${Array.isArray(list) ? 'an empty list' : describeValue(list)}`,
    );
    return [];
  }
  const rules: RuleSpec[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((item: unknown, i) => {
    const rule = validateRule(item, [...at, i], sink);
    if (rule) rules.push(rule);
    // Checked on the raw value so a duplicate is reported even when one of the two rules has other problems.
    const id =
      isPlainObject(item) && typeof item.id === 'string' && RULE_ID_PATTERN.test(item.id) ? item.id : undefined;
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else
      sink.add(
        [...at, i, 'id'],
        `duplicate rule id '${id}' (rules[${first}] already uses it); rule ids must be unique within a protocol`,
      );
  });
  return rules;
}
