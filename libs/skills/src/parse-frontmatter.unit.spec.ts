import { decodeSkillText } from './decode-skill-text.js';
import { parseFrontmatter } from './parse-frontmatter.js';
import { readSkillFields } from './skill-fields.js';

const parse = (text: string) => parseFrontmatter(text);

describe('parseFrontmatter', () => {
  it('splits frontmatter and body and records the file line of each top-level key', () => {
    const result = parse('---\nname: a\n\ndescription: b\n---\n\n\n# Title\n\ntext  \n\n');
    expect(result).toEqual({
      ok: true,
      data: { name: 'a', description: 'b' },
      keyLines: new Map([
        ['name', 2],
        ['description', 4],
      ]),
      body: '# Title\n\ntext',
    });
  });

  it('accepts CRLF and trailing spaces on the fences', () => {
    expect(parse('--- \r\nname: a\r\n---\t\r\nbody\r\n')).toMatchObject({
      ok: true,
      data: { name: 'a' },
      body: 'body',
    });
  });

  it.each([
    ['', 'SKILL_FRONTMATTER_MISSING', 1],
    ['# no frontmatter', 'SKILL_FRONTMATTER_MISSING', 1],
    ['---\nname: a\n', 'SKILL_FRONTMATTER_MISSING', 1],
    ['---\n---\n', 'SKILL_FRONTMATTER_MISSING', 1],
    ['---\na: 1\na: 2\n---\n', 'SKILL_YAML_INVALID', 3],
    ['---\nok: 1\nbad: [\n---\n', 'SKILL_YAML_INVALID', 3],
    ['---\n- 1\n---\n', 'SKILL_YAML_INVALID', 2],
    ['---\n42\n---\n', 'SKILL_YAML_INVALID', 2],
    ['---\na: !custom x\n---\n', 'SKILL_YAML_INVALID', 2],
    ['---\n? { k: v }\n: 1\n---\n', 'SKILL_YAML_INVALID', 2],
  ] as const)('%j fails with %s at line %d', (text, code, line) => {
    expect(parse(text)).toMatchObject({ ok: false, code, line });
  });

  it('stops an alias expansion bomb', () => {
    const bomb = [
      '---',
      'a: &a [1, 1, 1, 1, 1, 1, 1, 1]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]',
      'c: [*b, *b, *b, *b, *b, *b, *b, *b]',
      '---',
    ].join('\n');
    expect(parse(bomb)).toMatchObject({
      ok: false,
      code: 'SKILL_YAML_INVALID',
      reason: expect.stringMatching(/alias/i),
    });
  });
});

describe('decodeSkillText', () => {
  it('strips a BOM and refuses NUL bytes and invalid UTF-8 with the line of the problem', () => {
    expect(decodeSkillText(Buffer.from('\ufeff---\n'))).toEqual({ ok: true, text: '---\n' });
    expect(decodeSkillText(Buffer.from('a\nb\0'))).toMatchObject({ ok: false, code: 'SKILL_BINARY', line: 2 });
    expect(decodeSkillText(Buffer.from([0x61, 0x0a, 0x0a, 0xff]))).toMatchObject({
      ok: false,
      code: 'SKILL_BINARY',
      line: 3,
    });
  });
});

describe('readSkillFields', () => {
  const read = (data: Record<string, unknown>) => readSkillFields(data, new Map([['throttle', 9]]), 'skill');

  it('normalises the optional fields', () => {
    expect(
      read({
        name: 'skill',
        description: 'd',
        allowed_tools: 'a,b c',
        operation_types: ['x.y:z'],
        throttle: { max: 2, window: '1s' },
      }),
    ).toEqual({
      ok: true,
      fields: {
        name: 'skill',
        description: 'd',
        operationTypes: ['x.y:z'],
        allowedTools: ['a', 'b', 'c'],
        plugin: null,
        throttle: { max: 2, windowMs: 1000 },
      },
    });
  });

  it('names the field and its line in the failure', () => {
    expect(read({ name: 'skill', description: 'd', throttle: { max: 2 } })).toMatchObject({
      ok: false,
      code: 'SKILL_FIELD_INVALID',
      reason: 'throttle: window is required (e.g. 60s)',
      line: 9,
    });
  });

  it('does not read inherited properties as fields', () => {
    expect(read(Object.create({ name: 'skill', description: 'd' }) as Record<string, unknown>)).toMatchObject({
      ok: false,
      reason: 'name: is required (the folder name)',
    });
  });
});
