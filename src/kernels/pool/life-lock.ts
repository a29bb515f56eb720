/**
 * Life locks: a Web Lock a pool's worker takes when it starts and never releases, so the browser
 * frees it only once that worker has ended (terminated or crashed). Whoever queues for it learns
 * of the end: the watchdog, to fail a run whose helper died; the pool's owner, to know its
 * workers are gone.
 */

/** Resolves once this worker holds the lock `name`; it keeps it for as long as it lives. */
export function holdForLife(name: string): Promise<void> {
  return new Promise((held) => {
    void navigator.locks.request(name, () => {
      held();
      return new Promise<never>(() => {});
    });
  });
}

/**
 * Resolves once every worker holding one of `lifeLocks` has ended, or after `boundMs` whatever
 * happened (a run's results must not wait for ever on a worker the browser never ends).
 */
export function whenEnded(lifeLocks: readonly string[], boundMs: number): Promise<void> {
  const ended = Promise.all(lifeLocks.map((name) => navigator.locks.request(name, () => {})));
  return Promise.race([ended.then(() => {}), new Promise<void>((bound) => setTimeout(bound, boundMs))]);
}
