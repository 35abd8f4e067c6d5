import { THROTTLE, type ThrottleDoc } from '../../../projections/src/index.js';
import {
  applicableLimits,
  decideAdmission,
  type Admission,
  type AdmissionRequest,
  type RateLimit,
} from '../../../validation/src/protocol/index.js';
import { throttleKeysOf } from '../../../domain/src/index.js';
import { AsyncMutex, errorMessage, isWreError } from '../../../kernel/src/index.js';
import type { ExecuteDeps } from './execute-operation.js';
import type { ValidExecuteInput } from './execute-operation.input.js';
import type { ExecutionWriter } from './execution-writer.js';

/** How long an admission waits for its own request to be projected before letting the next one decide. */
const PROJECTED_WITHIN_MS = 10_000;

/** The admission outcome as the request records it. */
export type AdmissionRecord =
  | { throttled: null; admission: string[]; override: { ruleId: string; reason: string } | null }
  | { throttled: Extract<Admission, { admitted: false }>; admission: string[]; override: null };

/**
 * Serialises admissions in this process: the decision reads the throttle projection and must see every
 * admission before it, so the next one waits until the previous request is written and projected.
 */
export class AdmissionGate extends AsyncMutex {}

const admittedFreely: AdmissionRecord = { throttled: null, admission: [], override: null };

/** Decides whether the request may run now under `limits` (those that apply), honouring `force` (recorded). */
async function decideRequestAdmission(
  deps: ExecuteDeps,
  input: ValidExecuteInput,
  req: AdmissionRequest,
  limits: readonly RateLimit[],
): Promise<AdmissionRecord> {
  if (limits.length === 0) return admittedFreely;
  const history = new Map<string, number[]>();
  for (const key of throttleKeysOf(req))
    history.set(key, (await deps.readModel.get<ThrottleDoc>(THROTTLE, key))?.times ?? []);
  const verdict = decideAdmission(limits, req, (key) => history.get(key) ?? [], deps.clock.now().getTime());
  if (verdict.admitted) return { throttled: null, admission: verdict.citations, override: null };
  if (input.force)
    return {
      throttled: null,
      admission: verdict.citations,
      override: { ruleId: verdict.ruleId, reason: verdict.reason },
    };
  return { throttled: verdict, admission: verdict.citations, override: null };
}

/**
 * Decides admission and writes the request (OperationRequested, or OperationThrottled) in one append. Under rate
 * limits this runs inside the gate and waits until the throttle projection has the request, so the next decision
 * counts it. That wait is bounded and never fails the request: once written, the execution must be driven to an
 * end, whatever the projections are doing.
 */
export async function recordRequest(
  deps: ExecuteDeps,
  writer: ExecutionWriter,
  input: ValidExecuteInput,
  plugin: string,
  requestHash: string,
  recallKey: string,
): Promise<void> {
  const req: AdmissionRequest = { operationType: input.type, plugin, skill: input.skill?.ref.name ?? null };
  const limits = applicableLimits(deps.protocols.rateLimitsFor(input.skill?.constraints ?? null), req);
  const write = async (): Promise<void> => {
    const verdict = await decideRequestAdmission(deps, input, req, limits);
    const skill = input.skill;
    try {
      await writer.do(
        {
          type: 'RequestOperation',
          executionId: writer.executionId,
          operationType: input.type,
          plugin,
          params: input.params,
          force: input.force,
          requestHash,
          recallKey,
          ...(verdict.admission.length > 0 ? { admission: verdict.admission } : {}),
          ...(verdict.override ? { throttleOverride: verdict.override } : {}),
          ...(input.approvals.length > 0 ? { approvals: input.approvals } : {}),
          ...(skill ? { skill: skill.ref } : {}),
          ...(skill?.failure ? { skillFailure: skill.failure } : {}),
          ...(verdict.throttled ? { throttled: verdict.throttled } : {}),
        },
        'request',
      );
    } catch (e) {
      // A concurrent call with this commandId created the stream first: with the same request the store sees a
      // moved revision, with a different one the same event ids carrying other data. Either way the caller below
      // answers from the log (the same execution, or IDEMPOTENCY_CONFLICT for a different request).
      if (!(isWreError(e) && (e.code === 'WRONG_EXPECTED_REVISION' || e.code === 'EVENT_ID_CONFLICT'))) throw e;
    }
  };
  // Only requests a limit applies to pay for the gate and the wait on the throttle projection.
  if (limits.length === 0) return write();
  await deps.gate.run(async () => {
    await write();
    if (writer.lastWritten) await projectedWithin(deps, writer.lastPosition);
  });
}

async function projectedWithin(deps: ExecuteDeps, position: bigint): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>(
    (resolve) => (timer = setTimeout(() => resolve('expired'), PROJECTED_WITHIN_MS)),
  );
  try {
    const outcome = await Promise.race([deps.runner.waitFor(position), expired]);
    if (outcome === 'expired')
      console.warn(
        `[wre] throttle projection did not reach ${position} within ${PROJECTED_WITHIN_MS} ms; admitting the next request anyway`,
      );
  } catch (e) {
    console.warn(`[wre] throttle projection failed (${errorMessage(e)}); the request is recorded and runs`);
  } finally {
    clearTimeout(timer);
  }
}
