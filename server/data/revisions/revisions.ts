import 'server-only';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';
import { emptyStateCounts, isEvidenceState, type EvidenceState } from '@/lib/domain/evidence/evidence-state';
import { annotationsOnRevision, type AnnotationOnRevision } from '@/lib/domain/revisions/annotations-on-revision';
import {
  changeSize,
  diffRevisions,
  isChange,
  overlaps,
  type RevisionDiffBlock,
} from '@/lib/domain/revisions/diff-revisions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';
import { getMemberArticle } from '../articles/get-member-article';
import { visibleAnnotationWhere, withheldAnnotationIds } from '../privilege/visible-annotations';
import { annotationEvidenceSelect } from '../evidence/annotation-evidence-select';

const revisionNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'This revision does not exist or you cannot see it.' });

export type RevisionSummary = {
  id: string;
  number: number;
  authorName: string | null;
  createdAt: Date;
  length: number;
  /** Characters that differ from the revision before (its first and last difference apart). */
  changeSize: number;
  /** What the save did to the annotations, from its audit event (none for the first revision). */
  anchors: Record<EvidenceState, number> | null;
};

/** An article's revisions, newest first. Any member may read them. */
export async function listRevisions(options: { userId: string; articleId: string }): Promise<RevisionSummary[]> {
  const article = await getMemberArticle(options);
  const rows = await db().articleRevision.findMany({
    where: { articleId: article.id },
    orderBy: { number: 'asc' },
    select: { id: true, number: true, text: true, createdAt: true, author: { select: { name: true } } },
  });
  const events = await db().auditEvent.findMany({
    where: { objectType: 'article', objectId: article.id, action: 'article.revised' },
    select: { after: true },
  });
  // The counts per anchor state include every annotation: not shown to a reader any is withheld from.
  const withheld = await withheldAnnotationIds({
    userId: options.userId,
    role: article.role,
    workspaceId: article.workspaceId,
    articleId: article.id,
  });
  const anchorsByRevision = new Map<string, Record<EvidenceState, number>>();
  for (const event of events) {
    const after = event.after as { revisionId?: string; anchors?: Record<string, number> } | null;
    if (!after?.revisionId || !after.anchors) continue;
    const counts = emptyStateCounts();
    for (const [state, count] of Object.entries(after.anchors))
      if (isEvidenceState(state)) counts[state] += count;
      else if (state === 'fuzzy') counts.changed += count;
    anchorsByRevision.set(after.revisionId, counts);
  }
  return rows
    .map((row, i) => ({
      id: row.id,
      number: row.number,
      authorName: row.author?.name ?? null,
      createdAt: row.createdAt,
      length: row.text.length,
      changeSize: changeSize(rows[i - 1]?.text ?? '', row.text),
      anchors: withheld.size ? null : (anchorsByRevision.get(row.id) ?? null),
    }))
    .reverse();
}

type LoadedRevision = {
  id: string;
  number: number;
  doc: ArticleDoc;
  text: string;
  createdAt: Date;
  authorName: string | null;
};

/** `ref` is a revision number ("3") or a revision id (the IRIs of the words as tagged use ids). */
async function loadRevision(articleId: string, ref: string): Promise<LoadedRevision> {
  const where = /^\d{1,9}$/.test(ref)
    ? { articleId, number: Number(ref) }
    : isUuid(ref)
      ? { articleId, id: ref }
      : null;
  if (!where) throw revisionNotFound();
  const row = await db().articleRevision.findFirst({
    where,
    select: { id: true, number: true, doc: true, text: true, createdAt: true, author: { select: { name: true } } },
  });
  if (!row) throw revisionNotFound();
  return { ...row, doc: row.doc as ArticleDoc, authorName: row.author?.name ?? null };
}

async function annotationsAt(articleId: string, revision: { number: number; text: string }, userId: string) {
  const numbers = new Map(
    (await db().articleRevision.findMany({ where: { articleId }, select: { id: true, number: true } })).map((r) => [
      r.id,
      r.number,
    ]),
  );
  const rows = await db().annotation.findMany({
    where: { articleId, AND: [visibleAnnotationWhere(userId)] },
    select: {
      id: true,
      tag: true,
      ...annotationEvidenceSelect,
      author: { select: { name: true } },
    },
  });
  const made = rows.filter((row) => (numbers.get(row.taggedRevisionId) ?? Infinity) <= revision.number);
  const taggedIds = [...new Set(made.map((row) => row.taggedRevisionId))];
  const texts = new Map(
    (await db().articleRevision.findMany({ where: { id: { in: taggedIds } }, select: { id: true, text: true } })).map(
      (r) => [r.id, r.text],
    ),
  );
  return annotationsOnRevision(
    revision.text,
    made.map((row) => ({
      id: row.id,
      tag: row.tag,
      authorName: row.author?.name ?? null,
      taggedRevisionId: row.taggedRevisionId,
      tagged: {
        quote: { exact: row.taggedExact, prefix: row.taggedPrefix, suffix: row.taggedSuffix },
        position: { start: row.taggedStart, end: row.taggedEnd },
      },
    })),
    texts,
  );
}

/** One revision, read-only, with the annotations as they stood on it. */
export async function getRevision(options: { userId: string; articleId: string; ref: string }): Promise<{
  articleId: string;
  latestNumber: number;
  revision: LoadedRevision;
  annotations: AnnotationOnRevision[];
}> {
  const article = await getMemberArticle(options);
  const revision = await loadRevision(article.id, options.ref);
  return {
    articleId: article.id,
    latestNumber: article.revision.number,
    revision,
    annotations: await annotationsAt(article.id, revision, options.userId),
  };
}

export type AffectedAnnotation = AnnotationOnRevision & { side: 'from' | 'to' };

/**
 * The difference between two revisions, and the annotations it touches: those whose passage
 * on either side overlaps a changed paragraph, or that are not exact on the newer one.
 */
export async function compareRevisions(options: { userId: string; articleId: string; from: number; to: number }) {
  const article = await getMemberArticle(options);
  const [from, to] = await Promise.all([
    loadRevision(article.id, String(options.from)),
    loadRevision(article.id, String(options.to)),
  ]);
  const blocks: RevisionDiffBlock[] = diffRevisions(from.text, to.text);
  const [onFrom, onTo] = await Promise.all([
    annotationsAt(article.id, from, options.userId),
    annotationsAt(article.id, to, options.userId),
  ]);
  const changed = blocks.filter(isChange);
  const touches = (annotation: AnnotationOnRevision, side: 'from' | 'to') =>
    annotation.start !== null &&
    changed.some((block) => {
      const span = side === 'from' ? ('from' in block ? block.from : null) : 'to' in block ? block.to : null;
      return span !== null && overlaps(span, annotation.start!, annotation.end!);
    });
  const affected = new Map<string, AffectedAnnotation>();
  for (const annotation of onTo)
    if (annotation.state !== 'exact' || touches(annotation, 'to'))
      affected.set(annotation.id, { ...annotation, side: 'to' });
  for (const annotation of onFrom)
    if (!affected.has(annotation.id) && touches(annotation, 'from'))
      affected.set(annotation.id, { ...annotation, side: 'from' });
  return {
    articleId: article.id,
    from: { id: from.id, number: from.number, createdAt: from.createdAt, authorName: from.authorName },
    to: { id: to.id, number: to.number, createdAt: to.createdAt, authorName: to.authorName },
    blocks,
    affected: [...affected.values()],
  };
}
