import { errorMessage, isWreError } from '#kernel';
import path from 'node:path';
import {
  MODULE_SEGMENT_PATTERN,
  normalizeRelativePath,
  realWorkspaceRootSync,
  resolveInsideRootSync,
} from '../../path-guard/index.js';
import type { RuleScope } from '../protocol.types.js';
import { ALLOW, deny, type Rule, type StepCheck } from '../rule.js';
import { nameMatcher } from '../scope.js';
import { pathArgs, type PathArg } from './path-args.js';
import { scopedRule } from './scoped-rule.js';

const reasonOf = (e: unknown): string =>
  isWreError(e) && typeof e.details.reason === 'string' ? e.details.reason : errorMessage(e);

/** The step's path arguments; the default detection walks args and schema once per decision, not once per rule. */
function argsOf(i: StepCheck, explicit?: readonly string[]): PathArg[] {
  const key = explicit ? `args:${explicit.join('\u0000')}` : 'args';
  const cached = i.memo?.get(key);
  if (cached !== undefined) return cached as PathArg[];
  const found = pathArgs(
    i.step,
    i.plugin.tools.find((t) => t.name === i.step.tool),
    explicit,
  );
  i.memo?.set(key, found);
  return found;
}

/** Why `value` is not contained in the workspace, or null when it is; memoised for the current decision. */
function containmentProblem(i: StepCheck, value: string): string | null {
  const key = `contained:${value}`;
  const cached = i.memo?.get(key);
  if (cached !== undefined) return cached as string | null;
  let problem: string | null = null;
  try {
    resolveInsideRootSync(i.workspaceRoot, value);
  } catch (e) {
    problem = reasonOf(e);
  }
  i.memo?.set(key, problem);
  return problem;
}

/** WSP 64: every path argument resolves (symlinks followed) inside the workspace root. */
export const pathContainmentRule = (id: string, scope?: RuleScope, explicit?: readonly string[]): Rule =>
  scopedRule(id, 'path-containment', scope, (i) => {
    for (const a of argsOf(i, explicit)) {
      const problem = containmentProblem(i, a.value);
      if (problem !== null) return deny(`${a.key} "${a.value.slice(0, 200)}": ${problem}`);
    }
    return ALLOW;
  });

/** WSP 3/49: paths under `modules/` name a module as `modules/<domain>/<name>/…`. */
export const moduleLayoutRule = (id: string, scope?: RuleScope, explicit?: readonly string[]): Rule =>
  scopedRule(id, 'module-layout', scope, (i) => {
    for (const a of argsOf(i, explicit)) {
      const segments = normalizeRelativePath(a.value).split('/');
      if (segments[0] !== 'modules') continue;
      const [, domain, name] = segments;
      if (domain === undefined || name === undefined)
        return deny(`${a.key} "${a.value}" is not inside a module (modules/<domain>/<name>)`);
      if (!MODULE_SEGMENT_PATTERN.test(domain))
        return deny(`${a.key}: domain "${domain}" must match ${MODULE_SEGMENT_PATTERN}`);
      if (!MODULE_SEGMENT_PATTERN.test(name))
        return deny(`${a.key}: module name "${name}" must match ${MODULE_SEGMENT_PATTERN}`);
    }
    return ALLOW;
  });

export const DEFAULT_PROTECTED_PATHS = ['.git', '.wre', 'protocols', 'skills'];
const DESTRUCTIVE_NAME = /^(delete|remove|rm|unlink|drop|purge|wipe|truncate|destroy|erase)(_|$)/i;
const GLOB_KEY = /^(pattern|patterns|glob|globs|include|match)$/;

/** Where a path really points, relative to the real root, lower-cased (case-insensitive file systems fold). */
function realRelative(i: StepCheck, value: string): string {
  const key = `real:${value}`;
  const cached = i.memo?.get(key);
  if (typeof cached === 'string') return cached;
  let rel: string;
  try {
    rel = path
      .relative(realWorkspaceRootSync(i.workspaceRoot), resolveInsideRootSync(i.workspaceRoot, value))
      .split(path.sep)
      .join('/');
  } catch {
    rel = normalizeRelativePath(value); // escapes are path-containment's to deny; compare lexically here
  }
  rel = rel.toLowerCase();
  i.memo?.set(key, rel);
  return rel;
}

/** The literal directory a glob starts in (`protocols/**` → `protocols`). */
const globBase = (glob: string): string =>
  glob
    .split(/[*?[{]/)[0]!
    .replace(/\/[^/]*$/, '')
    .replace(/^\.\//, '');

/**
 * WSP 64 destructive-action guard: a destructive tool (declared `destructive: true`, named like `delete_…`, or
 * listed) never acts on the workspace root itself nor on or under a protected path. Paths are compared after
 * symlinks are resolved and case-folded; a glob argument counts by its literal base directory.
 */
export function destructiveGuardRule(
  id: string,
  scope?: RuleScope,
  tools?: readonly string[],
  protectedPaths = DEFAULT_PROTECTED_PATHS,
): Rule {
  const listed = tools ? nameMatcher(tools, true) : null;
  const guarded = protectedPaths.map((p) => p.toLowerCase());
  const hit = (rel: string) => guarded.find((p) => rel === p || rel.startsWith(`${p}/`));
  return scopedRule(id, 'destructive-guard', scope, (i) => {
    const tool = i.plugin.tools.find((t) => t.name === i.step.tool);
    const destructive = listed ? listed(i.step.tool) : tool?.destructive === true || DESTRUCTIVE_NAME.test(i.step.tool);
    if (!destructive) return ALLOW;
    for (const a of argsOf(i)) {
      const rel = realRelative(i, a.value);
      if (a.target && rel === '')
        return deny(`destructive tool "${i.step.tool}" targets the workspace root (${a.key})`);
      const p = hit(rel);
      if (p !== undefined) return deny(`destructive tool "${i.step.tool}" touches protected path "${p}" (${a.key})`);
    }
    for (const [key, value] of Object.entries(i.step.args)) {
      const p = GLOB_KEY.test(key) && typeof value === 'string' ? hit(globBase(value).toLowerCase()) : undefined;
      if (p !== undefined)
        return deny(`destructive tool "${i.step.tool}" selects inside protected path "${p}" (${key})`);
    }
    return ALLOW;
  });
}
