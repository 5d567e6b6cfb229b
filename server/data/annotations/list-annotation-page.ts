import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/web-annotation/serialize';
import type { PageKey, PageRequest } from '@/lib/domain/web-annotation/paging';
import { isUuid } from '@/lib/validation/ids';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { visibleAnnotationSql, visibleAnnotationWhere } from '../privilege/visible-annotations';
import { annotationRecordSelect } from './annotation-record';

export type AnnotationPageResult = {
  article: { id: string; title: string };
  total: number;
  records: AnnotationRecord[];
  keys: PageKey[];
  startIndex: number;
  hasNext: boolean;
  hasPrev: boolean;
};

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'This article does not exist or you cannot see it.' });

// The order as one ascending row: orphans last, then start, longer first (-end), then id.
const ORDER_KEY = Prisma.sql`(a."anchorState" = 'orphaned')::int, a."posStart", -a."posEnd", a.id`;
const keyRow = (key: PageKey) =>
  Prisma.sql`(${key.orphaned ? 1 : 0}::int, ${key.start}::int, ${-key.end}::int, ${key.id}::uuid)`;

type KeyRow = { id: string; orphaned: boolean; posStart: number; posEnd: number };

/**
 * One page of the article's annotations by keyset (lib/domain/web-annotation/paging.ts): rows
 * after or before a key, never an offset, so concurrent inserts cannot shift a page. The
 * order is a SQL row comparison because Prisma cannot order by an expression.
 */
export async function listAnnotationPage(options: {
  userId: string;
  articleId: string;
  request: PageRequest;
  size: number;
}): Promise<AnnotationPageResult> {
  if (!isUuid(options.articleId)) throw notFound();
  const article = await db().article.findFirst({
    where: { id: options.articleId, workspace: { memberships: { some: { userId: options.userId } } } },
    select: { id: true, title: true },
  });
  if (!article) throw notFound();
  const { request, size } = options;
  const backwards = request.kind === 'before' || request.kind === 'last';
  const bound =
    request.kind === 'after'
      ? Prisma.sql`AND (${ORDER_KEY}) > ${keyRow(request.key)}`
      : request.kind === 'before'
        ? Prisma.sql`AND (${ORDER_KEY}) < ${keyRow(request.key)}`
        : Prisma.empty;
  const direction = backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // Pages, totals and positions count only what the caller may read (no count of privileged notes).
  const visible = visibleAnnotationSql('a', options.userId);
  const [rows, totals] = await db().$transaction([
    db().$queryRaw<KeyRow[]>`
      SELECT a.id, a."anchorState" = 'orphaned' AS orphaned, a."posStart", a."posEnd"
      FROM "Annotation" a
      WHERE a."articleId" = ${article.id}::uuid AND ${visible} ${bound}
      ORDER BY (a."anchorState" = 'orphaned') ${direction}, a."posStart" ${direction},
        a."posEnd" ${backwards ? Prisma.sql`ASC` : Prisma.sql`DESC`}, a.id ${direction}
      LIMIT ${size}`,
    db().$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "Annotation" a WHERE a."articleId" = ${article.id}::uuid AND ${visible}`,
  ]);
  const total = totals[0]?.total ?? 0;
  const ordered = backwards ? rows.reverse() : rows;
  const keys = ordered.map((row) => ({ orphaned: row.orphaned, start: row.posStart, end: row.posEnd, id: row.id }));
  const startIndex = keys.length
    ? await countBefore(article.id, keys[0]!, visible)
    : request.kind === 'last'
      ? total
      : 0;
  const found = await db().annotation.findMany({
    where: { id: { in: keys.map((key) => key.id) }, AND: [visibleAnnotationWhere(options.userId)] },
    select: annotationRecordSelect,
  });
  const byId = new Map(found.map((record) => [record.id, record]));
  // A row deleted between the two reads is left out rather than failing the page.
  const present = keys.filter((key) => byId.has(key.id));
  return {
    article,
    total,
    records: present.map((key) => byId.get(key.id)!),
    keys: present,
    startIndex,
    hasNext: startIndex + keys.length < total,
    hasPrev: startIndex > 0,
  };
}

async function countBefore(articleId: string, key: PageKey, visible: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Annotation" a
    WHERE a."articleId" = ${articleId}::uuid AND ${visible} AND (${ORDER_KEY}) < ${keyRow(key)}`;
  return row?.count ?? 0;
}
