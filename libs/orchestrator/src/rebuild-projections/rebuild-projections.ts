import type { RebuildReport } from '#projections';
import { readModelDigest } from '../runtime/read-model-digest.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/** A rebuild's report plus a digest of every read-model document (equal digests: identical read models). */
export interface RebuildResult extends RebuildReport {
  digest: string;
}

/** Drops every read model and replays the whole log into it. */
export async function rebuildProjections(
  rt: Pick<WreRuntime, 'projector' | 'admissions' | 'readModel' | 'projections'>,
): Promise<RebuildResult> {
  // Admissions wait: a rate limit read from a half-rebuilt throttle projection would count too few executions.
  const report = await rt.admissions.run(() => rt.projector.rebuild());
  return { ...report, digest: await readModelDigest(rt.readModel, rt.projections) };
}
