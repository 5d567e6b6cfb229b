// Large uploads are converted by a pg-boss job (issue #13): the row moves from queued to done with
// the article, a file that cannot be converted ends failed with the converter's message, a failure
// on our side is retried and then shown failed, and only the workspace's members can see the import.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IMPORT_FAILED_ON_OUR_SIDE,
  LARGE_IMPORT_BYTES,
  MAX_PENDING_IMPORTS_PER_USER,
} from '@/lib/domain/import/import-job';
import { db } from '@/server/db';
import { getImportJob } from '@/server/data/imports/get-import-job';
import { queueArticleImport } from '@/server/data/imports/queue-article-import';
import { runArticleImport } from '@/server/data/imports/run-article-import';
import { stopBackgroundWork } from '@/server/jobs/background-work';
import { startImportWorker } from '@/server/jobs/import-jobs';
import { workspaceWithMembers } from './helpers';

beforeAll(async () => {
  await startImportWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopBackgroundWork();
});

/** A Markdown article just over the background threshold, with a marker in its last paragraph. */
function largeMarkdown(marker: string): Uint8Array<ArrayBuffer> {
  const paragraph = 'The committee reviewed the procurement records line by line and found gaps in the ledger. ';
  const paragraphs: string[] = ['# A very long record', ''];
  let size = 0;
  for (let i = 0; size <= LARGE_IMPORT_BYTES; i++) {
    const line = `Paragraph ${i}. ${paragraph.repeat(4)}`;
    paragraphs.push(line, '');
    size += line.length + 2;
  }
  paragraphs.push(marker);
  return new TextEncoder().encode(paragraphs.join('\n'));
}

async function waitForFinish(userId: string, slug: string, importId: string) {
  await expect
    .poll(async () => (await getImportJob({ userId, slug, importId })).state, { timeout: 25_000, interval: 250 })
    .toMatch(/^(done|failed)$/);
  return getImportJob({ userId, slug, importId });
}

describe('background imports', () => {
  it('imports a Markdown file over 1 MB through the job: queued, then done with the article', async () => {
    const { workspace, members } = await workspaceWithMembers(['editor', 'viewer']);
    const editor = members.editor!.id;
    const bytes = largeMarkdown('The last paragraph arrived intact.');
    expect(bytes.byteLength).toBeGreaterThan(LARGE_IMPORT_BYTES);
    const queued = await queueArticleImport({
      userId: editor,
      slug: workspace.slug,
      source: { fileName: 'record.md', mediaType: 'text/markdown', bytes },
      details: { byline: 'Records desk' },
    });
    expect(queued).toMatchObject({ state: 'queued', progress: 0, article: null, error: null });

    const done = await waitForFinish(editor, workspace.slug, queued.id);
    expect(done.state).toBe('done');
    expect(done.progress).toBe(100);
    expect(done.article?.url).toBe(`/w/${workspace.slug}/articles/${done.article?.id}`);
    const article = await db().article.findUniqueOrThrow({
      where: { id: done.article!.id },
      include: { revisions: { select: { text: true } } },
    });
    expect(article).toMatchObject({ workspaceId: workspace.id, title: 'A very long record', byline: 'Records desk' });
    expect(article.createdById).toBe(editor);
    expect(article.revisions[0]!.text).toContain('The last paragraph arrived intact.');
    // The upload is not kept once converted.
    const row = await db().importJob.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.source).toBeNull();
    expect(row.attempts).toBe(1);
    // Any member of the workspace may follow it.
    expect((await getImportJob({ userId: members.viewer!.id, slug: workspace.slug, importId: queued.id })).state).toBe(
      'done',
    );
  });

  it('ends a corrupt large .docx failed, with a message, and creates no article', async () => {
    const { workspace, members } = await workspaceWithMembers(['owner']);
    const owner = members.owner!.id;
    const before = await db().article.count({ where: { workspaceId: workspace.id } });
    const queued = await queueArticleImport({
      userId: owner,
      slug: workspace.slug,
      source: { fileName: 'broken.docx', mediaType: '', bytes: new Uint8Array(randomBytes(LARGE_IMPORT_BYTES + 10)) },
      details: {},
    });
    const failed = await waitForFinish(owner, workspace.slug, queued.id);
    expect(failed).toMatchObject({ state: 'failed', article: null });
    expect(failed.error).toMatch(/could not be read.*damaged/i);
    expect(await db().article.count({ where: { workspaceId: workspace.id } })).toBe(before);
    expect((await db().importJob.findUniqueOrThrow({ where: { id: queued.id } })).source).toBeNull();
  });

  it('answers 404 on an import to a non-member and to another workspace', async () => {
    const { workspace, members } = await workspaceWithMembers(['owner']);
    const other = await workspaceWithMembers(['owner']);
    const queued = await queueArticleImport({
      userId: members.owner!.id,
      slug: workspace.slug,
      source: { fileName: 'record.md', mediaType: 'text/markdown', bytes: largeMarkdown('x') },
      details: {},
    });
    const outsider = other.members.owner!.id;
    await expect(getImportJob({ userId: outsider, slug: workspace.slug, importId: queued.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    // A member of another workspace asking through their own workspace finds nothing either.
    await expect(
      getImportJob({ userId: outsider, slug: other.workspace.slug, importId: queued.id }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      getImportJob({ userId: members.owner!.id, slug: workspace.slug, importId: 'not-a-uuid' }),
    ).rejects.toMatchObject({ status: 404 });
    await waitForFinish(members.owner!.id, workspace.slug, queued.id);
  });

  it('refuses an import from a member who may not create articles, before storing the file', async () => {
    const { workspace, members } = await workspaceWithMembers(['reviewer']);
    await expect(
      queueArticleImport({
        userId: members.reviewer!.id,
        slug: workspace.slug,
        source: { fileName: 'record.md', mediaType: 'text/markdown', bytes: largeMarkdown('x') },
        details: {},
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await db().importJob.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it('retries a failure on our side, then shows the import failed rather than losing it', async () => {
    const { workspace, members } = await workspaceWithMembers(['owner']);
    const owner = members.owner!.id;
    // A row whose file is missing: nothing the uploader did, so it is an error of ours.
    const row = await db().importJob.create({
      data: {
        workspaceId: workspace.id,
        requestedById: owner,
        fileName: 'lost.md',
        mediaType: 'text/markdown',
        byteSize: 0,
        details: {},
      },
    });
    await expect(runArticleImport({ importId: row.id, lastAttempt: false })).rejects.toThrow(/no file/);
    expect(await getImportJob({ userId: owner, slug: workspace.slug, importId: row.id })).toMatchObject({
      state: 'queued',
      error: null,
    });
    await expect(runArticleImport({ importId: row.id, lastAttempt: true })).rejects.toThrow(/no file/);
    expect(await getImportJob({ userId: owner, slug: workspace.slug, importId: row.id })).toMatchObject({
      state: 'failed',
      error: IMPORT_FAILED_ON_OUR_SIDE,
    });
    expect((await db().importJob.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(2);
  });

  it('limits how many imports one person may have waiting', async () => {
    const { workspace, members } = await workspaceWithMembers(['owner']);
    const owner = members.owner!.id;
    await db().importJob.createMany({
      data: Array.from({ length: MAX_PENDING_IMPORTS_PER_USER }, (_, i) => ({
        workspaceId: workspace.id,
        requestedById: owner,
        fileName: `waiting-${i}.md`,
        mediaType: 'text/markdown',
        byteSize: 0,
        details: {},
        state: 'running' as const,
      })),
    });
    await expect(
      queueArticleImport({
        userId: owner,
        slug: workspace.slug,
        source: { fileName: 'one-more.md', mediaType: 'text/markdown', bytes: largeMarkdown('x') },
        details: {},
      }),
    ).rejects.toMatchObject({ status: 429 });
  });
});
