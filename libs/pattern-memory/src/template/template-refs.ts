import { isPlainObject } from '#kernel';
import { parseFormat } from './format-string.js';
import { isJsonPath, parseOutputName } from './output-path.js';
import { markerKeyOf, type PlanTemplate } from './template.types.js';

/** How a template uses a param: `format` needs text (string or number); `slot` takes any JSON value. */
export type ParamUse = 'slot' | 'format';

export interface TemplateRefs {
  uses: Map<string, ParamUse>;
  /** Problems that make the template unusable whatever the params (hand-edited or corrupted storage). */
  malformed: string[];
  /** Per template step: the earlier template steps whose outputs it reads (its `each` source included). */
  needs: Set<number>[];
}

interface Walk {
  refs: TemplateRefs;
  step: number;
  perItem: boolean;
}

/** Collects every param and output the template needs and checks each marker is well formed, before anything is built. */
export function collectRefs(template: PlanTemplate): TemplateRefs {
  const refs: TemplateRefs = { uses: new Map(), malformed: [], needs: [] };
  if (!Array.isArray(template.steps)) refs.malformed.push('steps is not an array');
  else {
    template.steps.forEach((step, i) => {
      refs.needs.push(new Set());
      const w: Walk = { refs, step: i, perItem: step?.each !== undefined };
      if (typeof step?.tool !== 'string') refs.malformed.push(`/steps/${i}/tool is not a string`);
      if (step?.each !== undefined) {
        const each = step.each as unknown;
        if (!isPlainObject(each) || !isJsonPath(each.path))
          refs.malformed.push(`/steps/${i}/each must be { step, path }`);
        else needStep(w, each.step, `/steps/${i}/each`);
      }
      if (!isPlainObject(step?.args)) refs.malformed.push(`/steps/${i}/args is not an object`);
      else for (const [k, v] of Object.entries(step.args)) walk(v, `/steps/${i}/args/${k}`, w);
    });
  }
  for (const name of Array.isArray(template.slots) ? template.slots : []) {
    if (!refs.uses.has(name)) refs.uses.set(name, 'slot');
  }
  return refs;
}

function needStep(w: Walk, step: unknown, path: string): void {
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= w.step) {
    w.refs.malformed.push(`${path}: must refer to an earlier step (got ${JSON.stringify(step)})`);
  } else w.refs.needs[w.step]?.add(step);
}

function use(refs: TemplateRefs, name: string, how: ParamUse): void {
  if (refs.uses.get(name) !== 'format') refs.uses.set(name, how);
}

function outputMarker(body: unknown, path: string, w: Walk, kind: '$out' | '$item'): void {
  if (!isPlainObject(body) || !isJsonPath(body.path) || (body.as !== undefined && body.as !== 'string')) {
    w.refs.malformed.push(`${path}: ${kind} must be { ${kind === '$out' ? 'step, ' : ''}path, as? }`);
  } else if (kind === '$out') needStep(w, body.step, path);
  else if (!w.perItem) w.refs.malformed.push(`${path}: $item outside a per-item step`);
}

function walk(value: unknown, path: string, w: Walk): void {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}/${i}`, w));
  if (!isPlainObject(value)) return;
  const marker = markerKeyOf(value);
  if (marker === '$slot') {
    if (typeof value.$slot === 'string') use(w.refs, value.$slot, 'slot');
    else w.refs.malformed.push(`${path}: $slot must name a param`);
  } else if (marker === '$out' || marker === '$item') {
    outputMarker(value[marker], path, w, marker);
  } else if (marker === '$format') {
    const parts =
      typeof value.$format === 'string' ? parseFormat(value.$format) : { error: '$format must be a string' };
    if ('error' in parts) w.refs.malformed.push(`${path}: ${parts.error}`);
    else for (const p of parts) if ('param' in p) formatName(p.param, path, w);
  } else if (marker === null) {
    for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`, w);
  }
}

function formatName(name: string, path: string, w: Walk): void {
  if (!name.startsWith('@')) return use(w.refs, name, 'format');
  const parsed = parseOutputName(name);
  if ('error' in parsed) w.refs.malformed.push(`${path}: ${parsed.error}`);
  else if ('step' in parsed.source) needStep(w, parsed.source.step, path);
  else if (!w.perItem) w.refs.malformed.push(`${path}: {@item…} outside a per-item step`);
}
