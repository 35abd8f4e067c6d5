const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d{1,12})(ms|s|m|h|d)$/;

/** Longest window or cooldown a protocol rule or a skill throttle may ask for. */
export const MAX_DURATION_MS = 30 * UNIT_MS.d;

export type DurationResult = { ok: true; ms: number } | { ok: false; reason: string };

/**
 * One duration syntax for protocol files and skill files: a whole number of milliseconds (`500`) or a whole
 * number with a unit (`500ms`, `30s`, `5m`, `1h`, `1d`). A bare numeric string is refused: `"30"` may mean seconds
 * to its author. Range checks (e.g. {@link MAX_DURATION_MS}) are the caller's, with its own wording.
 */
export function parseDuration(value: unknown): DurationResult {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0)
      return { ok: false, reason: `${value} is not a whole number of milliseconds` };
    ms = value;
  } else if (typeof value === 'string') {
    const match = DURATION.exec(value);
    const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
    if (!match || unit === undefined) {
      const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value).replace(/^"|"$/g, "'");
      return { ok: false, reason: `${shown} is not a duration; use milliseconds (500) or 500ms, 30s, 5m, 1h, 1d` };
    }
    ms = Number(match[1]) * UNIT_MS[unit];
  } else {
    return {
      ok: false,
      reason: `expected a duration, got ${value === null ? 'nothing (null)' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}`,
    };
  }
  return { ok: true, ms };
}

/** The largest unit that divides the value exactly, for messages: 90000 -> `90s`, 3600000 -> `1h`. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms !== 0 && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
