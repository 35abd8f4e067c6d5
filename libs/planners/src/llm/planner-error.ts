import { errorMessage, isWreError, PluginError, type WreError } from '#kernel';
import { clipText } from '../parse/clip-text.js';

/** How a provider adapter classified a failure of its SDK. */
export interface FailureInfo {
  planner: string;
  /** Values never to show (the API key); every occurrence is replaced in the message. */
  secrets?: readonly (string | undefined)[];
  /** The time ran out (the planner's deadline or the SDK's own timeout). */
  timedOut?: boolean;
  timeoutMs?: number;
  /** The request was cancelled (the caller's signal). */
  aborted?: boolean;
  /** HTTP status of the response that failed, when there was one. */
  status?: number;
}

const MIN_SECRET_LENGTH = 4;

/** The message with secrets and bearer credentials removed, clipped: it may end up in events and GraphQL errors. */
export function redact(message: string, secrets: readonly (string | undefined)[] = []): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= MIN_SECRET_LENGTH) out = out.split(s).join('[redacted]');
  out = out.replace(/(bearer\s+)[^\s"',]+/gi, '$1[redacted]');
  return clipText(out, 300);
}

/**
 * Maps a failed provider call to the port's codes: PLAN_TIMEOUT when the time ran out or the caller aborted,
 * PLANNER_UNAVAILABLE otherwise (with the HTTP status when there was one). Other WreErrors pass through.
 */
export function plannerError(e: unknown, info: FailureInfo): WreError {
  const { planner, status } = info;
  if (info.timedOut || info.aborted) {
    if (isWreError(e) && e.code === 'PLAN_TIMEOUT') return e;
    const why = info.timedOut
      ? `timed out${info.timeoutMs === undefined ? '' : ` after ${info.timeoutMs} ms`}`
      : 'was aborted';
    return new PluginError('PLAN_TIMEOUT', `planner ${planner} ${why} before answering`, { planner });
  }
  if (isWreError(e)) return e;
  // Stainless SDKs start their messages with the status; do not say it twice.
  const raw = errorMessage(e);
  const message = redact(
    status !== undefined && raw.startsWith(`${status} `) ? raw.slice(`${status} `.length) : raw,
    info.secrets,
  );
  const details = status === undefined ? { planner } : { planner, status };
  const prefix = status === undefined ? 'is unreachable' : `answered HTTP ${status}`;
  return new PluginError('PLANNER_UNAVAILABLE', `planner ${planner} ${prefix}: ${message}`, details);
}
