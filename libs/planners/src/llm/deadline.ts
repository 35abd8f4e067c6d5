/** A per-request signal that aborts when the caller's signal does or when `ms` have passed, whichever comes first. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True once the time ran out (as opposed to the caller aborting). */
  expired(): boolean;
  /** Clears the timer and the listener on the caller's signal; call when the request settled. */
  dispose(): void;
}

/**
 * Our own deadline rather than only the SDK's `timeout`: the SDK timer stops at the response headers, so a server
 * that stalls mid-body would hang forever, and its timeout error is recognised by class, which fails across
 * realms (jest vm contexts). An aborted signal is recognised by the SDKs in any realm.
 */
export function startDeadline(ms: number, caller?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  if (caller?.aborted) {
    controller.abort(caller.reason);
    return { signal: controller.signal, expired: () => false, dispose: () => {} };
  }
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`deadline of ${ms} ms passed`));
  }, ms);
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    expired: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
