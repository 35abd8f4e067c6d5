import { isPlainObject } from '../../../kernel/src/index.js';
import { parseFormat } from './format-string.js';
import { markerKeyOf, type PlanTemplate } from './template.types.js';

/** How a template uses a param: `format` needs text (string or number); `slot` takes any JSON value. */
export type ParamUse = 'slot' | 'format';

export interface TemplateRefs {
  uses: Map<string, ParamUse>;
  /** Problems that make the template unusable whatever the params (hand-edited or corrupted storage). */
  malformed: string[];
}

/** Collects every param the template needs and checks each marker is well formed, before anything is built. */
export function collectRefs(template: PlanTemplate): TemplateRefs {
  const refs: TemplateRefs = { uses: new Map(), malformed: [] };
  if (!Array.isArray(template.steps)) refs.malformed.push('steps is not an array');
  else {
    template.steps.forEach((step, i) => {
      if (typeof step?.tool !== 'string') refs.malformed.push(`/steps/${i}/tool is not a string`);
      if (!isPlainObject(step?.args)) refs.malformed.push(`/steps/${i}/args is not an object`);
      else for (const [k, v] of Object.entries(step.args)) walk(v, `/steps/${i}/args/${k}`, refs);
    });
  }
  for (const name of Array.isArray(template.slots) ? template.slots : []) {
    if (!refs.uses.has(name)) refs.uses.set(name, 'slot');
  }
  return refs;
}

function use(refs: TemplateRefs, name: string, how: ParamUse): void {
  if (refs.uses.get(name) !== 'format') refs.uses.set(name, how);
}

function walk(value: unknown, path: string, refs: TemplateRefs): void {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}/${i}`, refs));
  if (!isPlainObject(value)) return;
  const marker = markerKeyOf(value);
  if (marker === '$slot') {
    if (typeof value.$slot === 'string') use(refs, value.$slot, 'slot');
    else refs.malformed.push(`${path}: $slot must name a param`);
  } else if (marker === '$format') {
    const parts = typeof value.$format === 'string' ? parseFormat(value.$format) : { error: '$format must be a string' };
    if ('error' in parts) refs.malformed.push(`${path}: ${parts.error}`);
    else for (const p of parts) if ('param' in p) use(refs, p.param, 'format');
  } else if (marker === null) {
    for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`, refs);
  }
}
