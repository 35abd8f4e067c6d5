import type { JsonObject } from '#kernel';
import { instantiateTemplate, type PlanTemplate } from './index.js';

const template: PlanTemplate = {
  steps: [
    { tool: 'mk', args: { path: { $format: 'modules/{domain}/{name}' }, meta: { $slot: 'meta' } } },
    { tool: 'note', args: { text: { $literal: { $slot: 'name' } }, list: [{ $slot: 'name' }, 'k'] } },
  ],
  slots: ['domain', 'meta', 'name'],
};

describe('instantiateTemplate', () => {
  it('fills slots, formats and literals', () => {
    expect(instantiateTemplate(template, { domain: 'fin', name: 'pay', meta: { v: [1] } })).toEqual({
      ok: true,
      steps: [
        { tool: 'mk', args: { path: 'modules/fin/pay', meta: { v: [1] } } },
        { tool: 'note', args: { text: { $slot: 'name' }, list: ['pay', 'k'] } },
      ],
    });
  });

  it('accepts numbers in format strings and ignores params the template does not use', () => {
    const t: PlanTemplate = { steps: [{ tool: 't', args: { p: { $format: 'v{n}' } } }], slots: ['n'] };
    expect(instantiateTemplate(t, { n: 2, unused: 'x' })).toEqual({
      ok: true,
      steps: [{ tool: 't', args: { p: 'v2' } }],
    });
  });

  it('given missing params, names them all instead of guessing', () => {
    expect(instantiateTemplate(template, { name: 'pay' })).toEqual({
      ok: false,
      missing: ['domain', 'meta'],
      reason: "param 'domain' is missing; param 'meta' is missing",
    });
  });

  it('refuses a format param that is not text, but lets a whole slot take any type', () => {
    const result = instantiateTemplate(template, { domain: ['fin'], name: 'pay', meta: null });
    expect(result).toEqual({
      ok: false,
      missing: ['domain'],
      reason: "param 'domain' fills a format string but is array, not a string or number",
    });
  });

  it('requires params listed in slots even when no step uses them', () => {
    const t: PlanTemplate = { steps: [{ tool: 't', args: {} }], slots: ['x'] };
    expect(instantiateTemplate(t, {})).toMatchObject({ ok: false, missing: ['x'] });
  });

  it('does not take inherited properties for params', () => {
    const t: PlanTemplate = { steps: [{ tool: 't', args: { a: { $slot: 'constructor' } } }], slots: ['constructor'] };
    expect(instantiateTemplate(t, {})).toMatchObject({ ok: false, missing: ['constructor'] });
  });

  it.each([
    [{ p: { $slot: 3 } }, '/steps/0/args/p: $slot must name a param'],
    [{ p: [{ $format: 'a}' }] }, "/steps/0/args/p/0: unmatched '}' at offset 1"],
    [{ p: { q: { $format: 5 } } }, '/steps/0/args/p/q: $format must be a string'],
  ])('reports a malformed template (%p) without needing any params', (args, reason) => {
    const result = instantiateTemplate({ steps: [{ tool: 't', args: args as JsonObject }], slots: [] }, {});
    expect(result).toEqual({ ok: false, missing: [], reason: expect.stringContaining(reason) });
  });

  it('reports steps without a tool name or args object as malformed', () => {
    const broken = { steps: [{ tool: 1, args: [] }], slots: [] } as unknown as PlanTemplate;
    expect(instantiateTemplate(broken, {})).toEqual({
      ok: false,
      missing: [],
      reason: 'malformed template: /steps/0/tool is not a string; /steps/0/args is not an object',
    });
  });

  it('returns steps that share no objects with the template or params', () => {
    const params = { domain: 'fin', name: 'pay', meta: { v: [1] } };
    const result = instantiateTemplate(template, params);
    if (!result.ok) throw new Error(result.reason);
    (result.steps[0]?.args.meta as { v: number[] }).v.push(2);
    (result.steps[1]?.args.text as Record<string, string>).$slot = 'changed';
    expect(params.meta.v).toEqual([1]);
    expect(template.steps[1]?.args.text).toEqual({ $literal: { $slot: 'name' } });
  });
});
