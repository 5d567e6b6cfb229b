// One spreadsheet row per annotation. Cells go through toCsv, which quotes per RFC 4180 and
// defuses anything a spreadsheet would run as a formula: notes and quotes are user text.
import { TAG_LABELS, isTag } from '../annotations/tags';
import { passageCiter } from '../citations/cite-passage';
import type { ExportAnnotation, ExportArticle } from './annotation-export';
import { toCsv } from './csv';
import { diffToPlainText, verdictLabel, wordsDiff } from '../evidence/annotation-evidence';
import { isOnCurrentText } from '../evidence/evidence-state';

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
  'quote now',
  'word changes',
  'verdict',
  'revision',
  'citation',
];

export type AnnotationCsvRow = Pick<
  ExportAnnotation,
  | 'tag'
  | 'note'
  | 'quoteExact'
  | 'taggedExact'
  | 'author'
  | 'status'
  | 'reviewStatus'
  | 'assignee'
  | 'anchorState'
  | 'createdAt'
  | 'comments'
> & { articleTitle: string; revision: number; citation: string | null };

/** Deleted comments keep their place in a thread but are not part of the conversation's size. */
export const threadSize = (comments: Pick<ExportAnnotation['comments'][number], 'deletedAt'>[]) =>
  comments.filter((comment) => comment.deletedAt === null).length;

function wordsNow(row: AnnotationCsvRow): [string | null, string | null] {
  const diff = !isOnCurrentText(row.anchorState) ? null : wordsDiff(row.taggedExact, row.quoteExact);
  return diff ? [row.quoteExact, diffToPlainText(diff)] : [null, null];
}

export function annotationsToCsv(rows: AnnotationCsvRow[]): string {
  return toCsv(
    ANNOTATION_CSV_HEADER,
    rows.map((row) => [
      row.articleTitle,
      isTag(row.tag) ? TAG_LABELS[row.tag] : row.tag,
      // The words as tagged; where they changed, the words now and the change follow at the end.
      row.taggedExact,
      row.note,
      row.author?.name,
      row.status,
      row.reviewStatus,
      row.assignee?.name,
      row.anchorState,
      row.createdAt,
      threadSize(row.comments),
      ...wordsNow(row),
      verdictLabel(row.reviewStatus, row.anchorState),
      row.revision,
      row.citation,
    ]),
  );
}

/** Rows in article order, then document order; annotations of articles not given are left out. */
export function annotationCsvRows(
  articles: Pick<ExportArticle, 'id' | 'title' | 'doc' | 'revision'>[],
  annotations: ExportAnnotation[],
): AnnotationCsvRow[] {
  return articles.flatMap((article) => {
    const cite = passageCiter(article.doc);
    return annotations
      .filter((annotation) => annotation.articleId === article.id)
      .sort((a, b) => a.posStart - b.posStart || a.posEnd - b.posEnd || a.createdAt.getTime() - b.createdAt.getTime())
      .map((annotation) => ({
        ...annotation,
        articleTitle: article.title,
        revision: article.revision,
        citation: cite(annotation.posStart, annotation.posEnd, !isOnCurrentText(annotation.anchorState)),
      }));
  });
}
