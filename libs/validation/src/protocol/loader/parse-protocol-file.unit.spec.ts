import fc from 'fast-check';
import { jsonSyntaxErrorOffset } from './json-syntax-offset.js';
import { positionAt } from './line-locator.js';
import { MAX_NESTING } from './nesting-depth.js';
import { MAX_ALIAS_COUNT, parseProtocolFile, type ParsedFile } from './parse-protocol-file.js';

const parsed = (file: string, text: string): Extract<ParsedFile, { ok: true }> => {
  const result = parseProtocolFile(file, text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
};
const problems = (file: string, text: string) => {
  const result = parseProtocolFile(file, text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

const YAML = [
  '# comment',
  'id: A-1',
  'rules:',
  '  - id: one',
  '    kind: max-steps',
  '    max: &m 5',
  '  - id: two',
  '    when: &w',
  '      tools: [a, b]',
  '    extra:',
  '  - when: *w',
  '',
].join('\n');

describe('parseProtocolFile: YAML', () => {
  it('maps value paths to lines, keys to their own position, and missing paths to the nearest parent', () => {
    const { locate } = parsed('p.yaml', YAML);
    expect(locate([])).toEqual({ line: 2, column: 1 });
    expect(locate(['rules', 0, 'max'])).toEqual({ line: 6, column: 13 });
    expect(locate(['rules', 0, 'max'], true)).toEqual({ line: 6, column: 5 });
    expect(locate(['rules', 1, 'when', 'tools', 1])).toEqual({ line: 9, column: 18 });
    expect(locate(['rules', 1, 'missing'])).toEqual({ line: 7, column: 5 });
    expect(locate(['rules', 9, 'id'])).toEqual({ line: 4, column: 3 });
    expect(locate(['rules', '1', 'id'])).toEqual({ line: 7, column: 9 });
    expect(locate(['rules', 1, 'extra'])).toEqual({ line: 10, column: 5 });
    // Through an alias: where the anchored content is written.
    expect(locate(['rules', 2, 'when', 'tools'])).toEqual({ line: 9, column: 14 });
  });

  it('yields plain data: YAML 1.1 values stay strings, merge keys are not applied', () => {
    const { value } = parsed('p.yaml', '%YAML 1.1\n---\na: yes\nb: 2001-12-14\nbase: &b { x: 1 }\nc:\n  <<: *b\n');
    expect(value).toEqual({ a: 'yes', b: '2001-12-14', base: { x: 1 }, c: { '<<': { x: 1 } } });
  });

  it.each([
    ['a custom tag', 'a: !include other.yaml\n', 1, 'unsupported tag: !include'],
    ['a YAML 1.1 tag', 'a: 1\nb: !!binary aGk=\n', 2, 'unsupported tag: tag:yaml.org,2002:binary'],
    ['two documents', 'a: 1\n---\nb: 2\n', 2, 'YAML: a protocol file holds one document; found a second one'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', 3, "duplicate key 'a'"],
    ['a collection as key', '? [a]\n: 1\n', 1, 'YAML: With stringKeys, all keys must be strings'],
    ['an unknown alias', 'a: 1\nb: *nope\n', 2, 'cannot read YAML: Unresolved alias'],
    ['tab indentation', 'a:\n\t- 1\n', 2, 'YAML: Tabs are not allowed as indentation'],
  ])('refuses %s at its line', (_name, text, line, fragment) => {
    const found = problems('p.yaml', text);
    expect(found[0]?.line).toBe(line);
    expect(found[0]?.message).toContain(fragment);
  });

  it(`refuses nesting deeper than ${MAX_NESTING} levels before composing`, () => {
    const ok = `${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`;
    expect(parsed('p.yaml', ok).value).toBeInstanceOf(Array);
    expect(problems('p.yaml', `a:\n  ${'['.repeat(20_000)}`)).toEqual([
      { line: 2, column: 3 + MAX_NESTING - 1, message: 'nesting deeper than 100 levels' },
    ]);
    expect(problems('p.yaml', `a:\n  ${'- '.repeat(MAX_NESTING)}x`)).toEqual([
      { line: 2, column: 3 + 2 * (MAX_NESTING - 1), message: expect.stringContaining('nesting') },
    ]);
    expect(problems('p.json', `{"a": ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}}`)).toEqual([
      { line: 1, column: 7 + MAX_NESTING - 1, message: expect.stringContaining('nesting') },
    ]);
  });

  it(`allows a few aliases but stops expansion past ${MAX_ALIAS_COUNT}`, () => {
    expect(parsed('p.yaml', 'a: &a [1, 2]\nb: *a\nc: *a\n').value).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++)
      levels.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    expect(problems('bomb.yaml', `${levels.join('\n')}\n`)).toEqual([
      { line: 2, column: 10, message: expect.stringContaining('alias bomb') },
    ]);
  });
});

describe('parseProtocolFile: JSON', () => {
  it.each([
    ['trailing comma', '{\n  "a": 1,\n}\n', 3, 1],
    ['a bare word (no offset in the V8 message)', '{\n  "a": x\n}', 2, 8],
    ['a truncated literal', '{\n  "a": tru\n}', 2, 11],
    ['single quotes', "{\n  'a': 1\n}", 2, 3],
    ['unexpected end', '{\n  "a": [1,\n\n', 2, 11],
    ['text after the value', '{}\n\n  x', 3, 3],
    ['a control character in a string', '{"a": "x\ty"}', 1, 9],
    ['an empty file', '', 1, 1],
  ])('reports %s at its line and column', (_name, text, line, column) => {
    expect(problems('p.json', text)).toEqual([
      { line, column, message: expect.stringMatching(/^JSON syntax error: /) },
    ]);
  });

  it('maps JSON paths to lines through the YAML parser', () => {
    const { value, locate } = parsed(
      'p.json',
      '{\n  "id": "A-1",\n  "rules": [\n    { "id": "x", "max": 1 }\n  ]\n}\n',
    );
    expect(value).toEqual({ id: 'A-1', rules: [{ id: 'x', max: 1 }] });
    expect(locate(['rules', 0, 'max'])).toEqual({ line: 4, column: 25 });
    expect(locate(['rules', 0, 'max'], true)).toEqual({ line: 4, column: 18 });
  });

  it('refuses duplicate keys that JSON.parse would silently resolve', () => {
    expect(problems('p.json', '{\n  "a": 1,\n  "a": 2\n}')).toEqual([
      { line: 3, column: 3, message: "duplicate key 'a'" },
    ]);
  });
});

describe('jsonSyntaxErrorOffset', () => {
  it('accepts everything JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(jsonSyntaxErrorOffset(JSON.stringify(value, null, pretty ? 2 : undefined))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on mangled JSON', () => {
    const mangled = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '-', '0', '.', 'e', '\\', '{', '['),
      )
      .map(
        ([text, at, insert]) =>
          `${text.slice(0, at % (text.length + 1))}${insert}${text.slice(at % (text.length + 1))}`,
      );
    fc.assert(
      fc.property(mangled, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxErrorOffset(text) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives deep nesting without recursion', () => {
    expect(jsonSyntaxErrorOffset(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined();
    expect(jsonSyntaxErrorOffset(`${'{"a":'.repeat(100_000)}1${'}'.repeat(99_999)}`)).toBe(600_000);
  });
});

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
  });
});
