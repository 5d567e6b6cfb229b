import type { ImportedDocument } from '@/lib/domain/import/imported-document';
import type { AppErrorCode } from '@/lib/errors';

export type ImportWorkerInput = { fileName?: string; mediaType?: string; bytes: Uint8Array };

/** A converted document; the converter's refusal (shown to the uploader); or a failure on our side (retried). */
export type ImportWorkerOutput =
  | { imported: ImportedDocument }
  | { refused: { code: AppErrorCode; message: string; userMessage: string } }
  | { failed: string };
