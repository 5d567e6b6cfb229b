import { describe, expect, it } from 'vitest';
import { IMPORT_FAILED_ON_OUR_SIDE, importsInBackground, LARGE_IMPORT_BYTES, toImportJobView } from './import-job';

const row = {
  id: '0192a0b0-0000-7000-8000-000000000001',
  state: 'running' as const,
  progress: 42.4,
  fileName: 'big.md',
  error: null,
  articleId: null,
};

describe('importsInBackground', () => {
  it('keeps files up to the threshold in the request and sends larger ones to a job', () => {
    expect(importsInBackground(LARGE_IMPORT_BYTES)).toBe(false);
    expect(importsInBackground(LARGE_IMPORT_BYTES + 1)).toBe(true);
  });
});

describe('toImportJobView', () => {
  it('reports a running job without a link or an error', () => {
    expect(toImportJobView(row, 'newsroom')).toEqual({
      id: row.id,
      state: 'running',
      progress: 42,
      fileName: 'big.md',
      error: null,
      article: null,
    });
  });

  it('links a finished job to its article at 100%', () => {
    const articleId = '0192a0b0-0000-7000-8000-000000000002';
    const view = toImportJobView({ ...row, state: 'done', progress: 70, articleId }, 'newsroom');
    expect(view.progress).toBe(100);
    expect(view.article).toEqual({ id: articleId, url: `/w/newsroom/articles/${articleId}` });
  });

  it('gives a failed job a message even when none was recorded, and never a link', () => {
    const view = toImportJobView({ ...row, state: 'failed', articleId: 'x' }, 'newsroom');
    expect(view.error).toBe(IMPORT_FAILED_ON_OUR_SIDE);
    expect(view.article).toBeNull();
  });

  it('clamps progress', () => {
    expect(toImportJobView({ ...row, progress: 250 }, 'w').progress).toBe(100);
    expect(toImportJobView({ ...row, progress: -3 }, 'w').progress).toBe(0);
  });
});
