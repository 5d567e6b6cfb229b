// Entry of a background import's worker thread (started by import-in-worker.ts): converting a
// 10 MB Markdown, HTML or .docx file takes 1-3 s of CPU, which on the server's own event loop
// would hold up every request the instance answers meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { importDocument } from '../../../lib/domain/import/import-document';
import { isAppError } from '../../../lib/errors';
import type { ImportWorkerInput, ImportWorkerOutput } from './import-worker-protocol';

const input = workerData as ImportWorkerInput;
const reply = (output: ImportWorkerOutput) => parentPort!.postMessage(output);
importDocument({ fileName: input.fileName, mediaType: input.mediaType, bytes: input.bytes }).then(
  (imported) => reply({ imported }),
  (error: unknown) =>
    reply(
      isAppError(error)
        ? { refused: { code: error.code, message: error.message, userMessage: error.userMessage } }
        : { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    ),
);
