import 'server-only';
import { HIT_END, HIT_START } from '@/lib/domain/search/headline';
import type { TWorkspaceSearch } from '@/lib/validation/search';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { visibleAnnotationSql } from '../privilege/visible-annotations';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

const RESULT_LIMIT = 50;
const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export type PassageHit = { articleId: string; articleTitle: string; start: number; end: number; headline: string };
export type AnnotationHit = {
  annotationId: string;
  articleId: string;
  articleTitle: string;
  tag: string;
  status: string;
  exact: string;
  headline: string;
  authorName: string | null;
};
export type CommentHit = AnnotationHit & { commentId: string };
export type SearchResults = { passages: PassageHit[]; annotations: AnnotationHit[]; comments: CommentHit[] };

const EMPTY: SearchResults = { passages: [], annotations: [], comments: [] };

/**
 * Full-text search over the workspace's current article text, annotation notes and comments.
 * The WHERE clauses repeat the GIN index expressions of the search migration verbatim, so
 * Postgres answers from the indexes. Tag, author and status narrow annotations and comments;
 * article text has none of them, so passages are left out when any of those filters is set.
 */
export async function searchWorkspace(options: { userId: string; slug: string; input: TWorkspaceSearch }) {
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.slug });
  const { q, kind, tag, author, status } = options.input;
  if (!q) return { workspace, results: EMPTY };
  const query = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const annotationFilters = Prisma.join(
    [
      Prisma.sql`an."workspaceId" = ${workspace.id}::uuid`,
      // Notes and threads of privileged annotations only for those who may read them.
      visibleAnnotationSql('an', options.userId),
      tag ? Prisma.sql`an.tag = ${tag}` : null,
      status ? Prisma.sql`an.status = ${status}::"AnnotationStatus"` : null,
    ].filter((clause) => clause !== null),
    ' AND ',
  );
  const filtered = Boolean(tag || author || status);
  const [passages, annotations, comments] = await Promise.all([
    (kind === 'all' || kind === 'articles') && !filtered
      ? db().$queryRaw<(Omit<PassageHit, 'end'> & { blockText: string })[]>`
          SELECT b."articleId", a.title AS "articleTitle", b.start, b.text AS "blockText",
                 ts_headline('english', b.text, ${query}, ${HEADLINE_OPTIONS}) AS headline
          FROM "ArticleSearchBlock" b JOIN "Article" a ON a.id = b."articleId"
          WHERE b."workspaceId" = ${workspace.id}::uuid AND to_tsvector('english', b.text) @@ ${query}
          ORDER BY ts_rank(to_tsvector('english', b.text), ${query}) DESC, b."articleId", b.start
          LIMIT ${RESULT_LIMIT}`
      : [],
    kind === 'all' || kind === 'annotations'
      ? db().$queryRaw<AnnotationHit[]>`
          SELECT an.id AS "annotationId", an."articleId", a.title AS "articleTitle", an.tag, an.status::text AS status,
                 an."quoteExact" AS exact, u.name AS "authorName",
                 ts_headline('english', COALESCE(an.note, ''), ${query}, ${HEADLINE_OPTIONS}) AS headline
          FROM "Annotation" an JOIN "Article" a ON a.id = an."articleId" LEFT JOIN "User" u ON u.id = an."authorId"
          WHERE ${annotationFilters} ${author ? Prisma.sql`AND an."authorId" = ${author}::uuid` : Prisma.empty}
            AND to_tsvector('english', COALESCE(an.note, '')) @@ ${query}
          ORDER BY ts_rank(to_tsvector('english', COALESCE(an.note, '')), ${query}) DESC, an."createdAt" DESC
          LIMIT ${RESULT_LIMIT}`
      : [],
    kind === 'all' || kind === 'comments'
      ? db().$queryRaw<CommentHit[]>`
          SELECT c.id AS "commentId", an.id AS "annotationId", an."articleId", a.title AS "articleTitle", an.tag,
                 an.status::text AS status, an."quoteExact" AS exact, u.name AS "authorName",
                 ts_headline('english', c.body, ${query}, ${HEADLINE_OPTIONS}) AS headline
          FROM "Comment" c JOIN "Annotation" an ON an.id = c."annotationId"
          JOIN "Article" a ON a.id = an."articleId" LEFT JOIN "User" u ON u.id = c."authorId"
          WHERE ${annotationFilters} ${author ? Prisma.sql`AND c."authorId" = ${author}::uuid` : Prisma.empty}
            AND c."deletedAt" IS NULL AND to_tsvector('english', c.body) @@ ${query}
          ORDER BY ts_rank(to_tsvector('english', c.body), ${query}) DESC, c."createdAt" DESC
          LIMIT ${RESULT_LIMIT}`
      : [],
  ]);
  // Offsets are UTF-16 code units, as in the browser; Postgres's length() counts code points.
  const passageHits = passages.map(({ blockText, ...hit }) => ({ ...hit, end: hit.start + blockText.length }));
  return { workspace, results: { passages: passageHits, annotations, comments } };
}
