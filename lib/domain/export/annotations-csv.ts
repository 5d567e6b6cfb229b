// One spreadsheet row per annotation. Cells go through toCsv, which quotes per RFC 4180 and
// defuses anything a spreadsheet would run as a formula: notes and quotes are user text.
import { TAG_LABELS, isTag } from '../annotations/tags';
import type { ExportAnnotation, ExportArticle } from './annotation-export';
import { toCsv } from './csv';

export const ANNOTATION_CSV_HEADER = [
  'article',
  'tag',
  'quote',
  'note',
  'author',
  'status',
  'review status',
  'assignee',
  'anchor state',
  'created',
  'thread size',
];

export type AnnotationCsvRow = Pick<
  ExportAnnotation,
  | 'tag'
  | 'note'
  | 'quoteExact'
  | 'author'
  | 'status'
  | 'reviewStatus'
  | 'assignee'
  | 'anchorState'
  | 'createdAt'
  | 'comments'
> & { articleTitle: string };

/** Deleted comments keep their place in a thread but are not part of the conversation's size. */
export const threadSize = (comments: Pick<ExportAnnotation['comments'][number], 'deletedAt'>[]) =>
  comments.filter((comment) => comment.deletedAt === null).length;

export function annotationsToCsv(rows: AnnotationCsvRow[]): string {
  return toCsv(
    ANNOTATION_CSV_HEADER,
    rows.map((row) => [
      row.articleTitle,
      isTag(row.tag) ? TAG_LABELS[row.tag] : row.tag,
      row.quoteExact,
      row.note,
      row.author?.name,
      row.status,
      row.reviewStatus,
      row.assignee?.name,
      row.anchorState,
      row.createdAt,
      threadSize(row.comments),
    ]),
  );
}

/** Rows in article order, then document order; annotations of articles not given are left out. */
export function annotationCsvRows(
  articles: Pick<ExportArticle, 'id' | 'title'>[],
  annotations: ExportAnnotation[],
): AnnotationCsvRow[] {
  return articles.flatMap((article) =>
    annotations
      .filter((annotation) => annotation.articleId === article.id)
      .sort((a, b) => a.posStart - b.posStart || a.posEnd - b.posEnd || a.createdAt.getTime() - b.createdAt.getTime())
      .map((annotation) => ({ ...annotation, articleTitle: article.title })),
  );
}
