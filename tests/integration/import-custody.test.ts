// Imported reviews keep custody (issue #12): creators' names and times, verdicts, assignees
// that map onto members, and who imported them when; the audit event records the import.
import { describe, expect, it } from 'vitest';
import { exportUrls, toAnnotationCollectionExport } from '@/lib/domain/export/annotation-export';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { loadReviewData } from '@/server/data/export/load-review-data';
import { importAnnotationCollection } from '@/server/data/import/import-annotation-collection';
import { ensureMembership } from '@/prisma/seed/seed-demo';
import { workspaceWithMembers } from './helpers';

describe('JSON-LD import custody', () => {
  it('keeps the original creator, time, verdict and a mapped assignee, and names the importer', async () => {
    const source = await workspaceWithMembers(['owner', 'reviewer']);
    const owner = source.members.owner!.id;
    const reviewer = source.members.reviewer!.id;
    const article = (await seedArticles(db(), { workspaceId: source.workspace.id, authorId: owner })).find((a) =>
      a.title.startsWith('DOJ IG'),
    );
    const text = (await getMemberArticle({ userId: owner, articleId: article!.id })).revision.text;
    const start = text.indexOf('driving force');
    const { record } = await createAnnotation({
      userId: reviewer,
      articleId: article!.id,
      input: { tag: 'finding', note: null, position: { start, end: start + 13 }, exact: null },
    });
    await updateAnnotation({
      userId: owner,
      annotationId: record.id,
      input: { reviewStatus: 'accepted', assigneeId: reviewer },
    });
    const data = await loadReviewData({ userId: owner, slug: source.workspace.slug, articleId: article!.id });
    const json = toAnnotationCollectionExport({
      collectionId: 'https://example.test/export',
      label: 'Export',
      articles: data.articles,
      annotations: data.annotations,
      links: data.links,
      urls: exportUrls('https://example.test'),
    });

    // The target workspace has a member with the reviewer's name ("reviewer"): the assignee maps onto them.
    const target = await workspaceWithMembers(['owner', 'reviewer']);
    const importer = target.members.owner!.id;
    await ensureMembership(db(), {
      workspaceId: target.workspace.id,
      userId: target.members.reviewer!.id,
      role: 'reviewer',
    });
    await importAnnotationCollection({
      userId: importer,
      slug: target.workspace.slug,
      json: JSON.parse(JSON.stringify(json)),
    });
    const imported = await db().annotation.findFirstOrThrow({ where: { workspaceId: target.workspace.id } });
    expect(imported).toMatchObject({
      authorId: importer,
      importedCreatorName: 'reviewer',
      importedById: importer,
      reviewStatus: 'accepted',
      assigneeId: target.members.reviewer!.id,
      taggedExact: 'driving force',
    });
    expect(imported.createdAt.toISOString()).toBe(record.createdAt.toISOString());
    expect(imported.importedAt).not.toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({
      where: { workspaceId: target.workspace.id, action: 'review.imported' },
    });
    expect(event).toMatchObject({ actorId: importer, after: { originalCreators: ['reviewer'], assigneesMapped: 1 } });
  }, 60_000);
});
