// Large uploads are converted by a background job instead of in the request (issue #13): the
// POST answers 202 with the job, which the import page polls. This is the vocabulary both sides share.

/** Uploads above this many bytes are converted in the background; smaller ones in the request. */
export const LARGE_IMPORT_BYTES = 1024 * 1024;

/** Imports one person may have waiting or running at once: each holds its file in the database until it runs. */
export const MAX_PENDING_IMPORTS_PER_USER = 5;

export const IMPORT_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

/** Progress (0-100) recorded at each step of a job, so the page's bar moves with real work. */
export const IMPORT_PROGRESS = { queued: 0, started: 10, converted: 70, stored: 100 } as const;

/** What an unexpected failure (ours, not the file's) says to the uploader once the retries are spent. */
export const IMPORT_FAILED_ON_OUR_SIDE = 'The import failed on our side after several attempts. Please try again.';

export function importsInBackground(byteSize: number): boolean {
  return byteSize > LARGE_IMPORT_BYTES;
}

export function isFinished(state: ImportJobState): boolean {
  return state === 'done' || state === 'failed';
}

export type ImportJobView = {
  id: string;
  state: ImportJobState;
  progress: number;
  fileName: string;
  error: string | null;
  article: { id: string; url: string } | null;
};

export function articleUrl(workspaceSlug: string, articleId: string): string {
  return `/w/${workspaceSlug}/articles/${articleId}`;
}

export function importStatusUrl(workspaceSlug: string, importId: string): string {
  return `/api/workspaces/${workspaceSlug}/imports/${importId}`;
}

/** The poll answer: a link only once done, an error only once failed, progress clamped to 0-100. */
export function toImportJobView(
  row: {
    id: string;
    state: ImportJobState;
    progress: number;
    fileName: string;
    error: string | null;
    articleId: string | null;
  },
  workspaceSlug: string,
): ImportJobView {
  const done = row.state === 'done' && row.articleId !== null;
  return {
    id: row.id,
    state: row.state,
    progress: done ? 100 : Math.max(0, Math.min(100, Math.round(row.progress))),
    fileName: row.fileName,
    error: row.state === 'failed' ? (row.error ?? IMPORT_FAILED_ON_OUR_SIDE) : null,
    article: done ? { id: row.articleId!, url: articleUrl(workspaceSlug, row.articleId!) } : null,
  };
}
