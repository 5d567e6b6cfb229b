import 'server-only';
import { detectImportFormat, MAX_IMPORT_BYTES } from '@/lib/domain/import/import-document';
import { fileTooLarge, unsupportedFile } from '@/lib/domain/import/import-errors';
import { MAX_PENDING_IMPORTS_PER_USER, toImportJobView, type ImportJobView } from '@/lib/domain/import/import-job';
import { AppError } from '@/lib/errors';
import type { TArticleImportDetails } from '@/lib/validation/articles';
import { db } from '../../db';
import { queueImportJob } from '../../jobs/import-jobs';
import { assertCanImport } from '../articles/import-article';

/**
 * Records a large upload and queues its conversion (server/jobs/import-jobs.ts). What can be
 * refused without parsing is refused here, with the same answers as the request path.
 */
export async function queueArticleImport(options: {
  userId: string;
  slug: string;
  source: { fileName: string; mediaType: string; bytes: Uint8Array<ArrayBuffer> };
  details: TArticleImportDetails;
}): Promise<ImportJobView> {
  const workspace = await assertCanImport(options);
  const { fileName, mediaType, bytes } = options.source;
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge();
  if (!detectImportFormat(fileName, mediaType)) throw unsupportedFile(fileName);
  const row = await db().$transaction(async (tx) => {
    // One uploader's imports are counted under a lock of their own, so parallel uploads cannot all slip under the cap.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${options.userId}`}))`;
    const pending = await tx.importJob.count({
      where: { requestedById: options.userId, state: { in: ['queued', 'running'] } },
    });
    if (pending >= MAX_PENDING_IMPORTS_PER_USER) {
      throw new AppError('RATE_LIMITED', {
        userMessage: `You have ${pending} imports waiting to be converted. Try again once one has finished.`,
        headers: { 'Retry-After': '30' },
      });
    }
    const created = await tx.importJob.create({
      data: {
        workspaceId: workspace.id,
        requestedById: options.userId,
        fileName: fileName.slice(0, 255),
        mediaType: mediaType.slice(0, 255),
        byteSize: bytes.byteLength,
        details: options.details,
        source: bytes,
      },
      select: { id: true, state: true, progress: true, fileName: true, error: true, articleId: true },
    });
    await queueImportJob(tx, created.id);
    return created;
  });
  return toImportJobView(row, workspace.slug);
}
