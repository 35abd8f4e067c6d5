import { formatDuration, MAX_DURATION_MS, parseDuration, type DurationResult } from '#kernel';
import { clip, describeType } from './describe-value.js';
import type { SkillThrottle } from './skill.types.js';

export const MAX_THROTTLE = 1000;
const THROTTLE_KEYS = new Set(['max', 'window', 'cooldown']);

// Same ceiling as protocol rate limits: a longer window would outlive the admission history the throttle keeps.
const capped = (d: DurationResult): DurationResult =>
  d.ok && d.ms > MAX_DURATION_MS
    ? { ok: false, reason: `${formatDuration(d.ms)} is longer than ${formatDuration(MAX_DURATION_MS)}` }
    : d;

export type ThrottleRead = { ok: true; throttle: SkillThrottle } | { ok: false; reason: string };

/**
 * Reads `throttle: { max, window, cooldown? }`. Unlike the top level, unknown keys are refused here: a typo
 * such as `cooldwn` would otherwise silently drop a limit the author meant to set.
 */
export function readThrottle(value: unknown): ThrottleRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `must be a mapping { max, window, cooldown? }, got ${describeType(value)}` };
  }
  const raw = value as Record<string, unknown>;
  const unknown = Object.keys(raw).find((key) => !THROTTLE_KEYS.has(key));
  if (unknown !== undefined)
    return { ok: false, reason: `has unknown key '${clip(unknown)}' (allowed: max, window, cooldown)` };
  const max = raw['max'];
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_THROTTLE) {
    return {
      ok: false,
      reason: `max must be a whole number from 1 to ${MAX_THROTTLE}, got ${typeof max === 'number' ? max : describeType(max)}`,
    };
  }
  if (!('window' in raw)) return { ok: false, reason: 'window is required (e.g. 60s)' };
  const window = capped(parseDuration(raw['window']));
  if (!window.ok) return { ok: false, reason: `window ${window.reason}` };
  if (window.ms === 0) return { ok: false, reason: 'window must be longer than 0' };
  if (!('cooldown' in raw) || raw['cooldown'] === null) return { ok: true, throttle: { max, windowMs: window.ms } };
  const cooldown = capped(parseDuration(raw['cooldown']));
  if (!cooldown.ok) return { ok: false, reason: `cooldown ${cooldown.reason}` };
  return { ok: true, throttle: { max, windowMs: window.ms, cooldownMs: cooldown.ms } };
}
