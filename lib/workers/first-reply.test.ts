import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { firstReply } from './first-reply';

const failures = {
  timeoutMs: 2_000,
  onTimeout: () => new Error('timeout'),
  onError: (error: Error) => new Error(`error: ${error.message}`),
  onExit: (code: number) => new Error(`exit ${code}`),
};
const start = (source: string) => new Worker(source, { eval: true });

describe('firstReply', () => {
  it('resolves with the first message and ends the worker', async () => {
    const worker = start(
      `require('node:worker_threads').parentPort.postMessage({ n: 1 }); setInterval(() => {}, 1000);`,
    );
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await expect(firstReply(worker, failures)).resolves.toEqual({ n: 1 });
    await exited;
  });

  it('turns a throw, an exit without an answer and a hang into the caller’s errors', async () => {
    await expect(firstReply(start(`throw new Error('boom')`), failures)).rejects.toThrow('error: boom');
    await expect(firstReply(start(`process.exit(3)`), failures)).rejects.toThrow('exit 3');
    await expect(firstReply(start(`setInterval(() => {}, 1000)`), { ...failures, timeoutMs: 50 })).rejects.toThrow(
      'timeout',
    );
  });
});
