// The privilege log: one line per annotation an export withheld as privileged, saying what it
// is without saying what it says. Its input type has no quote, note or comment, so neither
// this file nor its callers can put content into the log by mistake.
import { TAG_LABELS, isTag } from '../annotations/tags';
import { passageCiter } from '../citations/cite-passage';
import type { DocNode } from '../document/article-doc';
import { toCsv } from '../export/csv';

export type PrivilegeLogArticle = { id: string; title: string; doc: DocNode; revision: number };

/** What the log may know of a withheld annotation. */
export type PrivilegedAnnotationFacts = {
  articleId: string;
  tag: string;
  posStart: number;
  posEnd: number;
  anchorState: string;
  createdAt: Date;
  privilegedAt: Date;
  privilegeBasis: string;
  authorName: string | null;
};

export type PrivilegeLogEntry = {
  number: number;
  date: Date;
  markedAt: Date;
  author: string;
  tag: string;
  article: string;
  revision: number;
  citation: string | null;
  basis: string;
};

export const PRIVILEGE_LOG_HEADER = [
  'entry',
  'date',
  'marked privileged',
  'author',
  'tag',
  'article',
  'revision',
  'citation',
  'basis',
];

/** Entries in article order, then document order, numbered from 1. */
export function privilegeLogEntries(
  articles: PrivilegeLogArticle[],
  annotations: PrivilegedAnnotationFacts[],
): PrivilegeLogEntry[] {
  const entries = articles.flatMap((article) => {
    const cite = passageCiter(article.doc);
    return annotations
      .filter((annotation) => annotation.articleId === article.id)
      .sort((a, b) => a.posStart - b.posStart || a.posEnd - b.posEnd || a.createdAt.getTime() - b.createdAt.getTime())
      .map((annotation) => ({
        date: annotation.createdAt,
        markedAt: annotation.privilegedAt,
        author: annotation.authorName ?? 'Former member',
        tag: isTag(annotation.tag) ? TAG_LABELS[annotation.tag] : annotation.tag,
        article: article.title,
        revision: article.revision,
        citation: cite(annotation.posStart, annotation.posEnd, annotation.anchorState === 'orphaned'),
        basis: annotation.privilegeBasis,
      }));
  });
  return entries.map((entry, index) => ({ number: index + 1, ...entry }));
}

export function privilegeLogCsv(entries: PrivilegeLogEntry[]): string {
  return toCsv(
    PRIVILEGE_LOG_HEADER,
    entries.map((entry) => [
      entry.number,
      entry.date,
      entry.markedAt,
      entry.author,
      entry.tag,
      entry.article,
      entry.revision,
      entry.citation ?? 'orphaned (no place in the current text)',
      entry.basis,
    ]),
  );
}
