import type { PlanStep } from '#domain';
import { extractTemplate, instantiateTemplate, templateHash } from './index.js';

const moduleParams = { name: 'new_module', domain: 'general' };
const moduleSteps: PlanStep[] = [
  { tool: 'create_dir', args: { path: 'modules/general/new_module/src' } },
  {
    tool: 'write_file',
    args: { path: 'modules/general/new_module/README.md', content: '# new_module', overwrite: false },
  },
];

describe('extractTemplate', () => {
  it('given a module creation plan, turns param values into format slots', () => {
    expect(extractTemplate(moduleParams, moduleSteps)).toEqual({
      steps: [
        { tool: 'create_dir', args: { path: { $format: 'modules/{domain}/{name}/src' } } },
        {
          tool: 'write_file',
          args: {
            path: { $format: 'modules/{domain}/{name}/README.md' },
            content: { $format: '# {name}' },
            overwrite: false,
          },
        },
      ],
      slots: ['domain', 'name'],
      ambiguous: false,
      repeated: false,
    });
  });

  it('when instantiated for new params of the same shape, puts the new values where the old ones were', () => {
    const result = instantiateTemplate(extractTemplate(moduleParams, moduleSteps), {
      name: 'billing',
      domain: 'finance',
    });
    expect(result).toEqual({
      ok: true,
      steps: [
        { tool: 'create_dir', args: { path: 'modules/finance/billing/src' } },
        {
          tool: 'write_file',
          args: { path: 'modules/finance/billing/README.md', content: '# billing', overwrite: false },
        },
      ],
    });
  });

  it('slots whole values (not booleans: they are part of the key), and keeps tool names and object keys constant', () => {
    const params = { name: 'x', count: 3, force: true, tags: ['a', 'b'], cfg: { k: 1 } };
    const steps = [{ tool: 'x', args: { x: 'x', n: 3, f: true, t: ['a', 'b'], c: { k: 1 }, inner: { deep: ['x'] } } }];
    const template = extractTemplate(params, steps);
    expect(template.steps[0]).toEqual({
      tool: 'x',
      args: {
        x: { $slot: 'name' },
        n: { $slot: 'count' },
        f: true,
        t: { $slot: 'tags' },
        c: { $slot: 'cfg' },
        inner: { deep: [{ $slot: 'name' }] },
      },
    });
    // A number slotted by equality may be a coincidence: the template must be confirmed by a second example.
    expect(template.repeated).toBe(true);
  });

  it('matches whole values of the same JSON type only, and never null, empty or non-finite values', () => {
    const params = { n: 1, s: '1', z: null, e: '', l: [], o: {} };
    const t = extractTemplate(params, [{ tool: 't', args: { a: 1, b: '1', c: null, d: '', f: [], g: {}, h: true } }]);
    expect(t.steps[0]?.args).toEqual({ a: { $slot: 'n' }, b: { $slot: 's' }, c: null, d: '', f: [], g: {}, h: true });
    expect(t.slots).toEqual(['n', 's']);
  });

  it('prefers longer param values so one value is not split by another it contains', () => {
    const t = extractTemplate({ a: 'new_module', b: 'new_module_x' }, [
      { tool: 't', args: { p: 'src/new_module_x/new_module.ts' } },
    ]);
    expect(t.steps[0]?.args.p).toEqual({ $format: 'src/{b}/{a}.ts' });
  });

  it('substitutes only values of at least 3 characters inside larger strings', () => {
    const t = extractTemplate({ short: 'ab', long: 'abc' }, [{ tool: 't', args: { p: 'ab/abc', q: 'ab' } }]);
    expect(t.steps[0]?.args).toEqual({ p: { $format: 'ab/{long}' }, q: { $slot: 'short' } });
  });

  it('escapes braces in constant text around slots, and leaves strings without slots untouched', () => {
    const t = extractTemplate({ name: 'billing' }, [
      { tool: 't', args: { code: 'class billing {}', raw: '{not a slot}' } },
    ]);
    expect(t.steps[0]?.args).toEqual({ code: { $format: 'class {name} {{}}' }, raw: '{not a slot}' });
    expect(instantiateTemplate(t, { name: 'Pay' })).toEqual({
      ok: true,
      steps: [{ tool: 't', args: { code: 'class Pay {}', raw: '{not a slot}' } }],
    });
  });

  it('wraps plan objects that look like markers as literals, so plan content cannot inject slots', () => {
    const hostile = { $slot: 'secret' };
    const t = extractTemplate({ name: 'abc' }, [
      { tool: 't', args: { a: hostile, b: { $format: '{name}' }, c: { $literal: 1 }, d: { $slot: 'x', other: 1 } } },
    ]);
    expect(t.steps[0]?.args).toEqual({
      a: { $literal: { $slot: 'secret' } },
      b: { $literal: { $format: '{name}' } },
      c: { $literal: { $literal: 1 } },
      d: { $slot: 'x', other: 1 },
    });
    expect(t.slots).toEqual([]);
    expect(instantiateTemplate(t, { secret: 'leak' })).toEqual({
      ok: true,
      steps: [
        { tool: 't', args: { a: hostile, b: { $format: '{name}' }, c: { $literal: 1 }, d: { $slot: 'x', other: 1 } } },
      ],
    });
  });

  it('when two params share a used value, picks the first by name and flags the template ambiguous', () => {
    const t = extractTemplate({ target: 'core', source: 'core' }, [{ tool: 't', args: { p: 'core', q: 'lib/core' } }]);
    expect(t.steps[0]?.args).toEqual({ p: { $slot: 'source' }, q: { $format: 'lib/{source}' } });
    expect(t.ambiguous).toBe(true);
    expect(extractTemplate({ a: 7, b: 7 }, [{ tool: 't', args: { f: 7 } }]).ambiguous).toBe(true);
    // Booleans are never slotted (they are part of the recall key), so sharing one is not ambiguous.
    expect(extractTemplate({ a: true, b: true }, [{ tool: 't', args: { f: true } }])).toMatchObject({
      ambiguous: false,
      slots: [],
    });
  });

  it('marks a value occurring twice in one string as repeated: a constant may equal the param', () => {
    const coincidence = extractTemplate({ name: 'tests' }, [
      { tool: 'mkdir', args: { path: 'modules/general/tests/tests' } },
    ]);
    expect(coincidence).toMatchObject({ repeated: true, ambiguous: false });
    const clean = extractTemplate({ name: 'billing' }, [
      { tool: 'mkdir', args: { path: 'modules/general/billing/tests' } },
      {
        tool: 'write',
        args: { path: 'modules/general/billing/README.md', content: '# billing\n\nThe billing module.' },
      },
    ]);
    expect(clean).toMatchObject({ repeated: false, ambiguous: false });
  });

  it('does not flag a shared value the plan never uses', () => {
    const t = extractTemplate({ target: 'core', source: 'core', name: 'billing' }, [
      { tool: 't', args: { p: 'billing' } },
    ]);
    expect(t.ambiguous).toBe(false);
    expect(t.slots).toEqual(['name']);
  });

  it('slots values of params whose names cannot be placeholders only when the whole value matches', () => {
    const t = extractTemplate({ 'we{ird': 'billing' }, [{ tool: 't', args: { a: 'billing', b: 'lib/billing' } }]);
    expect(t.steps[0]?.args).toEqual({ a: { $slot: 'we{ird' }, b: 'lib/billing' });
  });

  it('keeps an own __proto__ key (as JSON.parse makes it) as data through extraction and instantiation', () => {
    const steps = JSON.parse('[{"tool":"t","args":{"o":{"__proto__":{"x":"billing"},"y":1}}}]') as PlanStep[];
    const result = instantiateTemplate(extractTemplate({ name: 'billing' }, steps), { name: 'finance' });
    expect(JSON.stringify(result)).toBe(
      '{"ok":true,"steps":[{"tool":"t","args":{"o":{"__proto__":{"x":"finance"},"y":1}}}]}',
    );
  });

  it('does not share objects with the plan', () => {
    const steps = [{ tool: 't', args: { o: { $slot: 'x' }, list: [{ a: 1 }] } }];
    const t = extractTemplate({}, steps);
    steps[0]!.args.list = [];
    (steps[0]!.args.o as { $slot: string }).$slot = 'changed';
    expect(t.steps[0]?.args).toEqual({ o: { $literal: { $slot: 'x' } }, list: [{ a: 1 }] });
  });
});

describe('templateHash', () => {
  it('is stable across key order and ignores the ambiguous flag, but changes with content', () => {
    const t = extractTemplate(moduleParams, moduleSteps);
    const reordered = extractTemplate(
      { domain: 'general', name: 'new_module' },
      moduleSteps.map((s) => ({ args: s.args, tool: s.tool })),
    );
    expect(templateHash(reordered)).toBe(templateHash(t));
    expect(templateHash({ ...t, ambiguous: true })).toBe(templateHash(t));
    expect(templateHash({ ...t, slots: ['name'] })).not.toBe(templateHash(t));
    expect(templateHash(t)).toMatch(/^[0-9a-f]{64}$/);
  });
});
