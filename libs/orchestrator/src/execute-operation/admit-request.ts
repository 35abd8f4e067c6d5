import { THROTTLE, type ThrottleDoc } from '../../../pattern-memory/src/index.js';
import { decideAdmission, throttleKeysOf, type Admission, type AdmissionRequest } from '../../../validation/src/protocol/index.js';
import type { ExecuteDeps } from './execute-operation.js';
import type { ValidExecuteInput } from './execute-operation.input.js';

/** The admission outcome as the request records it. */
export type AdmissionRecord =
  | { throttled: null; admission: string[]; override: { ruleId: string; reason: string } | null }
  | { throttled: Extract<Admission, { admitted: false }>; admission: string[]; override: null };

/**
 * Serialises admissions in this process: the decision reads the throttle projection and must see every
 * admission before it, so the next one waits until the previous request is written and projected.
 */
export class AdmissionGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Decides whether the request may run now (rate limits), honouring `force` (recorded as an override). */
export async function decideRequestAdmission(deps: ExecuteDeps, input: ValidExecuteInput, plugin: string): Promise<AdmissionRecord> {
  const limits = deps.protocols.rateLimitsFor(input.skill?.constraints ?? null);
  const req: AdmissionRequest = { operationType: input.type, plugin, skill: input.skill?.ref.name ?? null };
  const history = new Map<string, number[]>();
  for (const key of throttleKeysOf(req)) history.set(key, (await deps.readModel.get<ThrottleDoc>(THROTTLE, key))?.times ?? []);
  const verdict = decideAdmission(limits, req, (key) => history.get(key) ?? [], deps.clock.now().getTime());
  if (verdict.admitted) return { throttled: null, admission: verdict.citations, override: null };
  if (input.force) return { throttled: null, admission: verdict.citations, override: { ruleId: verdict.ruleId, reason: verdict.reason } };
  return { throttled: verdict, admission: verdict.citations, override: null };
}
