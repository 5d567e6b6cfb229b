// The shapes every import converter agrees on, kept apart from the entry point so the
// converters can name them without importing the module that imports them.
import type { ArticleDoc } from '../document/article-doc';

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export type ImportedMetadata = { title?: string; byline?: string; sourceUrl?: string; publishedAt?: string };

export type ImportedDocument = {
  format: ImportFormat;
  doc: ArticleDoc;
  text: string;
  metadata: ImportedMetadata & { title: string };
};

/** What a structured-format converter (HTML, Markdown, .docx) hands back. */
export type ConvertedDocument = { doc: ArticleDoc; metadata: ImportedMetadata & { title: string } };
