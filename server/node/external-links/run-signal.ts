import { setMaxListeners } from 'node:events';

/**
 * The run's own signal, aborted with the caller's. Every request and every wait listens to
 * it, sixteen at a time and more, and Node warns of a leak past ten listeners on a signal:
 * on the run's own signal the limit is lifted, and the caller's gets one listener, removed
 * by `release` (the language server runs many checks on one).
 */
export function followSignal(outer: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  const own = new AbortController();
  setMaxListeners(0, own.signal);
  const abort = () => own.abort();
  if (outer?.aborted) abort();
  outer?.addEventListener('abort', abort, { once: true });
  return { signal: own.signal, release: () => outer?.removeEventListener('abort', abort) };
}

/** The default wait between retries: a timer, cut short when the run is stopped. */
export function abortableSleep(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
}
