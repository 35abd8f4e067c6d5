/** Admission times (epoch ms, oldest first) per throttle key (`type:<operation type>` / `skill:<name>`). */
export interface ThrottleDoc {
  key: string;
  times: number[];
}

export const THROTTLE = 'throttle';
/** Rate limits allow at most this many executions per window, so older admissions never matter. */
export const THROTTLE_HISTORY = 1000;
