import type { ReadModelStore } from '#stores/read-model';
import { THROTTLE, type ThrottleDoc } from './throttle.doc.js';

/** Admission times (epoch ms, ascending) recorded under each key; a key never admitted has none. */
export async function admissionTimes(
  readModel: ReadModelStore,
  keys: readonly string[],
): Promise<Map<string, number[]>> {
  const history = new Map<string, number[]>();
  for (const key of keys) history.set(key, (await readModel.get<ThrottleDoc>(THROTTLE, key))?.times ?? []);
  return history;
}
