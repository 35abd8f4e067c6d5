import { throttleKeysOf } from '#domain';
import { admissionTimes } from '#projections';
import { decideAdmission, type Admission, type AdmissionRequest, type RateLimit } from '#validation';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import type { ValidExecuteInput } from './execute-operation.input.js';

/** The admission outcome as the request records it. */
export type AdmissionRecord =
  | { throttled: null; admission: string[]; override: { ruleId: string; reason: string } | null }
  | { throttled: Extract<Admission, { admitted: false }>; admission: string[]; override: null };

const admittedFreely: AdmissionRecord = { throttled: null, admission: [], override: null };

/**
 * Whether the request may run now under `limits` (those that apply), from the admissions the throttle projection
 * counted. `force` admits anyway and is recorded as the override of the limit that would have throttled.
 */
export async function decideRequestAdmission(
  rt: Pick<WreRuntime, 'readModel' | 'clock'>,
  input: ValidExecuteInput,
  req: AdmissionRequest,
  limits: readonly RateLimit[],
): Promise<AdmissionRecord> {
  if (limits.length === 0) return admittedFreely;
  const history = await admissionTimes(rt.readModel, throttleKeysOf(req));
  const verdict = decideAdmission(limits, req, (key) => history.get(key) ?? [], rt.clock.now().getTime());
  if (verdict.admitted) return { throttled: null, admission: verdict.citations, override: null };
  if (!input.force) return { throttled: verdict, admission: verdict.citations, override: null };
  return {
    throttled: null,
    admission: verdict.citations,
    override: { ruleId: verdict.ruleId, reason: verdict.reason },
  };
}
