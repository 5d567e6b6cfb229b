import 'server-only';
import { IMPORT_FAILED_ON_OUR_SIDE, IMPORT_PROGRESS } from '@/lib/domain/import/import-job';
import { isAppError } from '@/lib/errors';
import { ZArticleImportDetails } from '@/lib/validation/articles';
import { db } from '../../db';
import { assertCanImport, storeImportedArticle } from '../articles/import-article';
import { importDocumentInWorker } from './import-in-worker';

function finished(fields: { state: 'done' | 'failed'; error?: string | null; articleId?: string }) {
  return { ...fields, source: null, finishedAt: new Date() };
}

/**
 * One attempt at one background import. The uploader's right to import is checked again (they may
 * have been removed since). A file that cannot be converted fails at once with the converter's
 * message; any other error is rethrown for pg-boss to retry, and on the last attempt the import is
 * marked failed, so it is never left waiting.
 */
export async function runArticleImport(options: { importId: string; lastAttempt: boolean }): Promise<void> {
  const row = await db().importJob.findUnique({
    where: { id: options.importId },
    include: { workspace: { select: { slug: true } } },
  });
  if (!row || row.state === 'done' || row.state === 'failed') return;
  await db().importJob.update({
    where: { id: row.id },
    data: { state: 'running', progress: IMPORT_PROGRESS.started, attempts: { increment: 1 } },
  });
  try {
    if (!row.source) throw new Error(`Import ${row.id} has no file to convert`);
    const workspace = await assertCanImport({ userId: row.requestedById, slug: row.workspace.slug });
    const details = ZArticleImportDetails.parse(row.details);
    const imported = await importDocumentInWorker({
      fileName: row.fileName,
      mediaType: row.mediaType ?? undefined,
      bytes: row.source,
    });
    await db().importJob.update({ where: { id: row.id }, data: { progress: IMPORT_PROGRESS.converted } });
    await storeImportedArticle({
      workspace,
      userId: row.requestedById,
      imported,
      details,
      fileName: row.fileName,
      alsoInTransaction: async (tx, articleId) => {
        await tx.importJob.update({
          where: { id: row.id },
          data: { ...finished({ state: 'done', articleId, error: null }), progress: IMPORT_PROGRESS.stored },
        });
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      await db().importJob.update({
        where: { id: row.id },
        data: finished({ state: 'failed', error: error.userMessage }),
      });
      return;
    }
    console.error(`Background import ${row.id} failed${options.lastAttempt ? '' : '; it will be retried'}`, error);
    await db().importJob.update({
      where: { id: row.id },
      data: options.lastAttempt
        ? finished({ state: 'failed', error: IMPORT_FAILED_ON_OUR_SIDE })
        : { state: 'queued', progress: IMPORT_PROGRESS.queued },
    });
    throw error;
  }
}
