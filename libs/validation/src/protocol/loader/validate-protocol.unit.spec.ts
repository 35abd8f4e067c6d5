import { ProblemSink } from './protocol-file-problem.js';
import { validateProtocolFile } from './validate-protocol.js';

const RULES = [{ id: 'steps', kind: 'max-steps', max: 5 }];

function check(root: unknown) {
  const sink = new ProblemSink();
  const entries = validateProtocolFile(root, sink);
  return { entries, problems: sink.problems.map((p) => ({ path: p.path, message: p.message })) };
}

describe('validateProtocolFile', () => {
  it('reads a single protocol and a protocols list', () => {
    const one = { id: 'ACME-7', title: 'Acme', description: 'd', rules: RULES };
    expect(check(one)).toEqual({ entries: [{ path: [], id: 'ACME-7', definition: one }], problems: [] });
    const list = check({ protocols: [one, { ...one, id: 'ACME-8' }] });
    expect(list.problems).toEqual([]);
    expect(list.entries.map((e) => [e.path, e.id])).toEqual([
      [['protocols', 0], 'ACME-7'],
      [['protocols', 1], 'ACME-8'],
    ]);
  });

  it.each<[string, unknown, readonly (string | number)[], string]>([
    ['an empty file', null, [], 'the file is empty'],
    ['a scalar', 'ACME-7', [], "got the string 'ACME-7' at the top level"],
    ['a list', [{ id: 'A' }], [], 'got a list at the top level'],
    [
      'an empty protocols list',
      { protocols: [] },
      ['protocols'],
      "'protocols' must be a non-empty list of protocols, got an empty list",
    ],
    [
      'protocols beside other keys',
      { protocols: [{ id: 'A-1', title: 't', rules: RULES }], version: 2 },
      ['version'],
      "unknown key 'version'",
    ],
    ['a list item that is not a mapping', { protocols: ['A-1'] }, ['protocols', 0], 'a protocol must be a mapping'],
    [
      'an unknown protocol key',
      { id: 'A-1', title: 't', rule: RULES, rules: RULES },
      ['rule'],
      "unknown key 'rule' in a protocol (did you mean 'rules'?)",
    ],
    ['a blank title', { id: 'A-1', title: '   ', rules: RULES }, ['title'], "'title' must be a non-empty string"],
    ['a missing title', { id: 'A-1', rules: RULES }, [], "missing required key 'title'"],
    [
      'a non-string description',
      { id: 'A-1', title: 't', description: 5, rules: RULES },
      ['description'],
      "'description' must be a non-empty string",
    ],
    [
      'rules as a mapping',
      { id: 'A-1', title: 't', rules: { steps: RULES[0] } },
      ['rules'],
      "'rules' must be a non-empty list of rules, got a mapping",
    ],
    ['a lower-case id', { id: 'a-1', title: 't', rules: RULES }, ['id'], "protocol id 'a-1' must match"],
  ])('refuses %s', (_name, root, path, fragment) => {
    const { problems } = check(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(path);
    expect(problems[0]?.message).toContain(fragment);
  });

  it('keeps the id of a protocol with other problems (for cross-file checks) but no definition', () => {
    expect(check({ id: 'A-1', title: 't', rules: [] }).entries).toEqual([{ path: [], id: 'A-1' }]);
  });

  it('reports a duplicate rule id even when the first rule is otherwise invalid', () => {
    const { problems } = check({
      id: 'A-1',
      title: 't',
      rules: [
        { id: 'x', kind: 'max-steps' },
        { id: 'x', kind: 'tool-exists' },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      ['rules', 0],
      ['rules', 1, 'id'],
    ]);
  });
});
