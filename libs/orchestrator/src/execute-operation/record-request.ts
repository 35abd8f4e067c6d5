import { errorMessage, isWreError } from '#kernel';
import { applicableLimits, type AdmissionRequest } from '#validation';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { decideRequestAdmission } from './decide-request-admission.js';
import type { ValidExecuteInput } from './execute-operation.input.js';
import { PHASE } from './execution-phases.js';
import type { ExecutionWriter } from './execution-writer.js';

/** How long an admission waits for its own request to be projected before letting the next one decide. */
const PROJECTED_WITHIN_MS = 10_000;

type RequestDeps = Pick<WreRuntime, 'readModel' | 'clock' | 'protocols' | 'admissions' | 'projector'>;

/**
 * Decides admission and writes the request (OperationRequested, or OperationThrottled) in one append. Under rate
 * limits this runs inside the gate and waits until the throttle projection has the request, so the next decision
 * counts it. That wait is bounded and never fails the request: once written, the execution must be driven to an
 * end, whatever the projections are doing.
 */
export async function recordRequest(
  rt: RequestDeps,
  writer: ExecutionWriter,
  input: ValidExecuteInput,
  request: { plugin: string; requestHash: string; recallKey: string; manifestHash: string },
): Promise<void> {
  const { plugin, requestHash, recallKey, manifestHash } = request;
  const req: AdmissionRequest = { operationType: input.type, plugin, skill: input.skill?.ref.name ?? null };
  const limits = applicableLimits(rt.protocols.rateLimitsFor(input.skill?.constraints ?? null), req);
  const write = async (): Promise<void> => {
    const verdict = await decideRequestAdmission(rt, input, req, limits);
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
          manifestHash,
          ...(verdict.admission.length > 0 ? { admission: verdict.admission } : {}),
          ...(verdict.override ? { throttleOverride: verdict.override } : {}),
          ...(input.approvals.length > 0 ? { approvals: input.approvals } : {}),
          ...(skill ? { skill: skill.ref } : {}),
          ...(skill?.failure ? { skillFailure: skill.failure } : {}),
          ...(verdict.throttled ? { throttled: verdict.throttled } : {}),
        },
        PHASE.request,
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
  await rt.admissions.run(async () => {
    await write();
    if (writer.lastWritten) await projectedWithin(rt, writer.lastPosition);
  });
}

async function projectedWithin(rt: Pick<WreRuntime, 'projector'>, position: bigint): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>(
    (resolve) => (timer = setTimeout(() => resolve('expired'), PROJECTED_WITHIN_MS)),
  );
  try {
    const outcome = await Promise.race([rt.projector.waitFor(position), expired]);
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
