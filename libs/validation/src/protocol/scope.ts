import type { RuleScope } from './protocol.types.js';

export interface ScopeSubject {
  operationType: string;
  plugin: string;
  tool?: string;
  skill: string | null;
  source?: 'recalled' | 'computed';
}

type NameTest = (name: string) => boolean;

/**
 * `delete_*` matches by prefix, anything else exactly. `ignoreCase` for deny lists: a forbidden `shell` must also
 * catch a tool named `SHELL` (allow lists stay exact, so case never widens what is allowed).
 */
export function nameMatcher(patterns: readonly string[], ignoreCase = false): NameTest {
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const exact = new Set(patterns.filter((p) => !p.endsWith('*')).map(fold));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => fold(p.slice(0, -1)));
  return (raw) => {
    const name = fold(raw);
    return exact.has(name) || prefixes.some((p) => name.startsWith(p));
  };
}

/**
 * Compiles a scope once into a predicate (rules are evaluated for every step of every plan). An absent
 * dimension matches everything; `tools` and `source` only constrain subjects that have them.
 */
export function compileScope(scope: RuleScope | undefined): (s: ScopeSubject) => boolean {
  if (!scope) return () => true;
  const types = scope.operationTypes ? nameMatcher(scope.operationTypes) : null;
  const plugins = scope.plugins ? nameMatcher(scope.plugins) : null;
  const tools = scope.tools ? nameMatcher(scope.tools) : null;
  const skills = scope.skills ? nameMatcher(scope.skills) : null;
  const source = scope.source ?? null;
  return (s) =>
    (types === null || types(s.operationType)) &&
    (plugins === null || plugins(s.plugin)) &&
    (skills === null || (s.skill !== null && skills(s.skill))) &&
    (tools === null || s.tool === undefined || tools(s.tool)) &&
    (source === null || s.source === undefined || s.source === source);
}
