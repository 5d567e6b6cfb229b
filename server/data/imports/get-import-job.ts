import 'server-only';
import {
  IMPORT_FAILED_ON_OUR_SIDE,
  isFinished,
  toImportJobView,
  type ImportJobView,
} from '@/lib/domain/import/import-job';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

/**
 * An import that has not moved for this long lost its job (every attempt expired with its
 * process): it is reported failed rather than left spinning.
 */
const STALLED_AFTER_MS = 30 * 60 * 1000;

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'This import does not exist.' });

/** A background import's state for the workspace's members; to anyone else it does not exist. */
export async function getImportJob(options: {
  userId: string;
  slug: string;
  importId: string;
}): Promise<ImportJobView> {
  const workspace = await getMemberWorkspace(options);
  if (!isUuid(options.importId)) throw notFound();
  const select = {
    id: true,
    state: true,
    progress: true,
    fileName: true,
    error: true,
    articleId: true,
    updatedAt: true,
  };
  let row = await db().importJob.findFirst({ where: { id: options.importId, workspaceId: workspace.id }, select });
  if (!row) throw notFound();
  if (!isFinished(row.state) && Date.now() - row.updatedAt.getTime() > STALLED_AFTER_MS) {
    row = await db().importJob.update({
      where: { id: row.id },
      data: { state: 'failed', error: IMPORT_FAILED_ON_OUR_SIDE, source: null, finishedAt: new Date() },
      select,
    });
  }
  return toImportJobView(row, workspace.slug);
}
