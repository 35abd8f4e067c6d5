import { AsyncMutex } from '#kernel';

/**
 * Serialises admissions in this process: a decision reads the throttle projection and must see every admission
 * before it, so the next one waits until the previous request is written and projected. A rebuild holds it too.
 */
export class AdmissionGate extends AsyncMutex {}
