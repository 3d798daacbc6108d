// Timeout: every request runs under a deadline signal, combined with the caller's own signal.

export interface Deadline {
  signal: AbortSignal;
  /** Whether it was the deadline (not the caller) that aborted. */
  expired(): boolean;
  /** Stops the timer once the response body has been read. */
  clear(): void;
}

/** A signal that aborts after `timeoutMs`, or when `outer` aborts, whichever comes first. */
export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`deadline of ${timeoutMs} ms passed`));
  }, timeoutMs);
  timer.unref?.();
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer) {
    if (outer.aborted) onOuterAbort();
    else outer.addEventListener('abort', onOuterAbort, { once: true });
  }
  return {
    signal: controller.signal,
    expired: () => expired,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}
