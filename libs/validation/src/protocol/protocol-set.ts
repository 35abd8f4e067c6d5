import type { RateLimit } from './admission.js';
import { BUILTIN_PROTOCOLS } from './builtin-protocols.js';
import { compileRule } from './compile-rule.js';
import type { ProtocolDefinition } from './protocol.types.js';
import type { Rule } from './rule.js';
import { toolAllowRule } from './rules/tool-list.rules.js';

/** What a skill adds to one execution: its allowed tools (a step rule) and its throttle (a rate limit). */
export interface SkillConstraints {
  name: string;
  allowedTools: string[] | null;
  throttle: { max: number; windowMs: number; cooldownMs?: number } | null;
}

/**
 * The protocols in force, compiled once at start: built-ins first, then those loaded from files.
 * Immutable; a new set is built rather than changed, so a decision never sees half a configuration.
 */
export class ProtocolSet {
  private constructor(
    readonly protocols: readonly ProtocolDefinition[],
    readonly stepRules: readonly Rule[],
    readonly rateLimits: readonly RateLimit[],
  ) {}

  static compile(loaded: readonly ProtocolDefinition[] = []): ProtocolSet {
    const protocols = [...BUILTIN_PROTOCOLS, ...loaded];
    const stepRules: Rule[] = [];
    const rateLimits: RateLimit[] = [];
    for (const p of protocols) {
      for (const spec of p.rules) {
        if (spec.kind === 'rate-limit') {
          rateLimits.push({
            id: `${p.id}/${spec.id}`,
            scope: spec.when,
            max: spec.max,
            windowMs: spec.windowMs,
            cooldownMs: spec.cooldownMs,
          });
        } else {
          const rule = compileRule(p.id, spec);
          if (rule) stepRules.push(rule);
        }
      }
    }
    return new ProtocolSet(protocols, stepRules, rateLimits);
  }

  /** Step rules for an execution of `skill`: the skill's allowed tools are enforced like any protocol rule. */
  stepRulesFor(skill: SkillConstraints | null): readonly Rule[] {
    if (!skill?.allowedTools) return this.stepRules;
    const id = `skill:${skill.name}/allowed-tools`;
    return [...this.stepRules, toolAllowRule(id, skill.allowedTools, undefined, undefined)];
  }

  rateLimitsFor(skill: SkillConstraints | null): readonly RateLimit[] {
    if (!skill?.throttle) return this.rateLimits;
    return [
      ...this.rateLimits,
      { id: `skill:${skill.name}/throttle`, scope: { skills: [skill.name] }, ...skill.throttle },
    ];
  }
}
