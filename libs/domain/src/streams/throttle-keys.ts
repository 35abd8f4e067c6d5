// What rate limits count under: executions of an operation type, and executions of a skill. The throttle
// projection keeps admission times under these keys; admission decisions read them.

export const operationTypeThrottleKey = (operationType: string): string => `type:${operationType}`;

export const skillThrottleKey = (skill: string): string => `skill:${skill}`;

/** Every key an admitted request counts under and a decision may read. */
export const throttleKeysOf = (req: { operationType: string; skill: string | null }): string[] =>
  req.skill === null
    ? [operationTypeThrottleKey(req.operationType)]
    : [operationTypeThrottleKey(req.operationType), skillThrottleKey(req.skill)];
