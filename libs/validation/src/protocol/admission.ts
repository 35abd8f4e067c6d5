import { operationTypeThrottleKey, skillThrottleKey } from '#domain';
import type { RuleScope } from './protocol.types.js';
import { compileScope } from './scope.js';

/** A compiled `rate-limit` rule: at most `max` admitted executions per sliding window, plus an optional cooldown. */
export interface RateLimit {
  id: string;
  scope: RuleScope | undefined;
  max: number;
  windowMs: number;
  cooldownMs?: number;
}

export interface AdmissionRequest {
  operationType: string;
  plugin: string;
  skill: string | null;
}

export type Admission =
  | { admitted: true; citations: string[] }
  | { admitted: false; citations: string[]; ruleId: string; reason: string; retryAfterMs: number };

// Limits are compiled once per protocol set; their scopes are compiled on first use and kept with them.
const scopes = new WeakMap<RateLimit, ReturnType<typeof compileScope>>();
const inScope = (limit: RateLimit, req: AdmissionRequest): boolean => {
  let test = scopes.get(limit);
  if (!test) scopes.set(limit, (test = compileScope(limit.scope)));
  return test({ operationType: req.operationType, plugin: req.plugin, skill: req.skill });
};

/** The limits whose scope covers this request; none means no admission decision (and no history read) at all. */
export const applicableLimits = (limits: readonly RateLimit[], req: AdmissionRequest): RateLimit[] =>
  limits.filter((l) => inScope(l, req));

/** Admissions after `since` in an ascending list (binary search: histories hold up to 1000 entries). */
function countAfter(times: readonly number[], since: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! > since) hi = mid;
    else lo = mid + 1;
  }
  return times.length - lo;
}

/**
 * What a limit counts: executions of the same skill when it is scoped to skills, otherwise of the same
 * operation type. The throttle projection keeps admission times under these keys.
 */
export const throttleKey = (limit: RateLimit, req: AdmissionRequest): string =>
  limit.scope?.skills && req.skill !== null ? skillThrottleKey(req.skill) : operationTypeThrottleKey(req.operationType);

/**
 * Pure admission decision. `history(key)` returns the epoch-ms times of admitted executions under that key,
 * oldest first. Every applicable limit is consulted (and cited); the first one exceeded throttles.
 */
export function decideAdmission(
  limits: readonly RateLimit[],
  req: AdmissionRequest,
  history: (key: string) => readonly number[],
  nowMs: number,
): Admission {
  const citations: string[] = [];
  for (const limit of limits) {
    if (!inScope(limit, req)) continue;
    citations.push(limit.id);
    const times = history(throttleKey(limit, req));
    const inWindow = countAfter(times, nowMs - limit.windowMs);
    if (inWindow >= limit.max) {
      // The admission whose expiry frees a slot: the max-th most recent one.
      const oldestCounted = times[times.length - limit.max] ?? nowMs;
      const retryAfterMs = Math.max(1, oldestCounted + limit.windowMs - nowMs);
      const reason = `${inWindow} executions in the last ${limit.windowMs} ms reach the limit of ${limit.max}`;
      return { admitted: false, citations, ruleId: limit.id, reason, retryAfterMs };
    }
    const last = times[times.length - 1];
    if (limit.cooldownMs && last !== undefined && nowMs - last < limit.cooldownMs) {
      const retryAfterMs = Math.max(1, last + limit.cooldownMs - nowMs);
      return {
        admitted: false,
        citations,
        ruleId: limit.id,
        reason: `cooldown of ${limit.cooldownMs} ms since the last execution`,
        retryAfterMs,
      };
    }
  }
  return { admitted: true, citations };
}
