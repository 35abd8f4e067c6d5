import { withBytes, withYaml, type BrokenFixture } from './skill-fixture.js';

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
];

/** YAML syntax, unsafe YAML features, and frontmatter framing problems. */
export const YAML_FIXTURES: BrokenFixture[] = [
  {
    name: 'yaml_unclosed_flow',
    code: 'SKILL_YAML_INVALID',
    setup: withYaml('name: $NAME\ndescription: d\noperation_types: [a, b\nplugin: p'),
  },
  {
    name: 'yaml_compact_nested',
    code: 'SKILL_YAML_INVALID',
    line: 2,
    setup: withYaml('name: $NAME: nested\ndescription: d'),
  },
  {
    name: 'yaml_tab_indent',
    code: 'SKILL_YAML_INVALID',
    line: 5,
    setup: withYaml('name: $NAME\ndescription: d\noperation_types:\n\t- a'),
  },
  {
    name: 'yaml_duplicate_key',
    code: 'SKILL_YAML_INVALID',
    line: 4,
    reason: /unique/,
    setup: withYaml('name: $NAME\ndescription: one\ndescription: two'),
  },
  {
    name: 'yaml_unclosed_quote',
    code: 'SKILL_YAML_INVALID',
    setup: withYaml('name: $NAME\ndescription: "never closed\nplugin: p'),
  },
  { name: 'yaml_bad_indent', code: 'SKILL_YAML_INVALID', setup: withYaml('name: $NAME\n  description: d') },
  {
    name: 'yaml_undefined_alias',
    code: 'SKILL_YAML_INVALID',
    reason: /alias/i,
    setup: withYaml('name: $NAME\ndescription: *nope'),
  },
  {
    name: 'yaml_alias_bomb',
    code: 'SKILL_YAML_INVALID',
    reason: /alias count/i,
    setup: withYaml(['name: $NAME', 'description: d', ...BOMB].join('\n')),
  },
  {
    name: 'yaml_custom_tag',
    code: 'SKILL_YAML_INVALID',
    line: 3,
    reason: /tag/i,
    setup: withYaml('name: $NAME\ndescription: !shell rm -rf /'),
  },
  {
    name: 'yaml_js_function_tag',
    code: 'SKILL_YAML_INVALID',
    reason: /tag/i,
    setup: withYaml('name: $NAME\ndescription: !!js/function "function () {}"'),
  },
  {
    name: 'yaml_binary_tag',
    code: 'SKILL_YAML_INVALID',
    reason: /tag/i,
    setup: withYaml('name: $NAME\ndescription: d\nblob: !!binary aGVsbG8='),
  },
  {
    name: 'yaml_set_tag',
    code: 'SKILL_YAML_INVALID',
    reason: /tag/i,
    setup: withYaml('name: $NAME\ndescription: d\nitems: !!set { a, b }'),
  },
  {
    name: 'yaml_collection_key',
    code: 'SKILL_YAML_INVALID',
    reason: /keys/,
    setup: withYaml('name: $NAME\ndescription: d\n? [a, b]\n: 1'),
  },
  {
    name: 'yaml_merge_key_into_name',
    code: 'SKILL_FIELD_INVALID',
    setup: withYaml('base: &b { name: other }\n<<: *b\ndescription: d'),
  },
  { name: 'frontmatter_list', code: 'SKILL_YAML_INVALID', reason: /mapping/, setup: withYaml('- name\n- description') },
  { name: 'frontmatter_scalar', code: 'SKILL_YAML_INVALID', reason: /mapping/, setup: withYaml('just some words') },
  { name: 'frontmatter_empty', code: 'SKILL_FRONTMATTER_MISSING', setup: withYaml('') },
  { name: 'frontmatter_comment_only', code: 'SKILL_FRONTMATTER_MISSING', setup: withYaml('# nothing but a comment') },
  {
    name: 'frontmatter_absent',
    code: 'SKILL_FRONTMATTER_MISSING',
    line: 1,
    setup: withBytes('# A skill\n\nname: x\n'),
  },
  {
    name: 'frontmatter_unterminated',
    code: 'SKILL_FRONTMATTER_MISSING',
    reason: /never closed/,
    setup: withBytes('---\nname: frontmatter_unterminated\ndescription: d\n# Body\n'),
  },
  {
    name: 'frontmatter_not_first_line',
    code: 'SKILL_FRONTMATTER_MISSING',
    setup: withBytes('\n---\nname: frontmatter_not_first_line\ndescription: d\n---\n'),
  },
  { name: 'frontmatter_fence_indented', code: 'SKILL_FRONTMATTER_MISSING', setup: withBytes(' ---\nname: x\n---\n') },
  { name: 'file_empty', code: 'SKILL_FRONTMATTER_MISSING', reason: /empty/, setup: withBytes('') },
  { name: 'file_whitespace_only', code: 'SKILL_FRONTMATTER_MISSING', setup: withBytes('  \n\n\t\n') },
  { name: 'file_bom_only', code: 'SKILL_FRONTMATTER_MISSING', setup: withBytes(Buffer.from([0xef, 0xbb, 0xbf])) },
];
