import type { Worker } from 'node:worker_threads';

type Failures = {
  timeoutMs: number;
  onTimeout: () => Error;
  onError: (error: Error & { code?: string }) => Error;
  onExit: (code: number) => Error;
};

/**
 * The one message a single-job worker answers with; the worker is terminated then, or when it
 * fails, runs out of time or exits without answering (each turned into the caller's own error).
 */
export function firstReply<T>(worker: Worker, failures: Failures): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = setTimeout(() => settle(() => reject(failures.onTimeout())), failures.timeoutMs);
    worker.once('message', (message: T) => settle(() => resolve(message)));
    worker.once('error', (error) => settle(() => reject(failures.onError(error))));
    worker.once('exit', (code) => settle(() => reject(failures.onExit(code))));
  });
}
