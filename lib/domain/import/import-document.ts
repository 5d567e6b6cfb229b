// The one way into the importers: picks the converter for an upload or pasted text and
// returns a document the editor accepts, its plain text and what it says about itself.
import { blocksToDoc, docToPlainText, type ArticleDoc } from '../document/article-doc';
import { InvalidDocumentError, normalizeArticleDoc } from '../document/normalize-article-doc';
import { AppError } from '../../errors';
import { decodeTextBytes } from './decode-text-bytes';
import { docxToArticleDoc } from './docx-to-article-doc';
import { htmlToArticleDoc } from './html-to-article-doc';
import { fileTooLarge, noTextToImport, unsupportedFile } from './import-errors';
import { detectImportFormat } from './import-formats';
import type { ConvertedDocument, ImportedDocument, ImportFormat } from './imported-document';
import { markdownToArticleDoc } from './markdown-to-article-doc';
import { parsePlainTextArticle } from './parse-plain-text-article';
import { pdfToArticleDoc } from './pdf/pdf-to-article-doc';

export type { ImportedDocument, ImportedMetadata, ImportFormat } from './imported-document';
export { detectImportFormat } from './import-formats';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportInput =
  { fileName?: string; mediaType?: string; bytes: Uint8Array } | { pastedText: string; format?: ImportFormat };

function plainTextToArticleDoc(text: string): ConvertedDocument {
  const parsed = parsePlainTextArticle(text);
  if (!parsed.blocks.length) throw noTextToImport();
  return { doc: blocksToDoc(parsed.blocks), metadata: { title: parsed.title } };
}

function convertText(text: string, format: Exclude<ImportFormat, 'docx' | 'pdf'>): ConvertedDocument {
  if (format === 'markdown') return markdownToArticleDoc(text);
  if (format === 'html') return htmlToArticleDoc(text);
  return plainTextToArticleDoc(text);
}

async function convertFile(input: { fileName?: string; mediaType?: string; bytes: Uint8Array }) {
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw fileTooLarge();
  const format = detectImportFormat(input.fileName ?? '', input.mediaType);
  if (!format) throw unsupportedFile(input.fileName);
  if (format === 'docx') return { format, converted: await docxToArticleDoc(input.bytes) };
  if (format === 'pdf') return { format, converted: await pdfToArticleDoc(input.bytes) };
  const text = decodeTextBytes(input.bytes, { html: format === 'html' });
  return { format, converted: convertText(text, format) };
}

function convertPasted(input: { pastedText: string; format?: ImportFormat }) {
  // Pasted text is counted in characters; a character is at least one byte.
  if (input.pastedText.length > MAX_IMPORT_BYTES) throw fileTooLarge();
  const format = input.format ?? 'text';
  if (format === 'docx' || format === 'pdf') {
    throw new AppError('INVALID_INPUT', { userMessage: 'Pasted text can be plain text, Markdown or HTML.' });
  }
  return { format, converted: convertText(input.pastedText, format) };
}

/** Converter output that the editor's schema refuses is our bug, but the user still gets a clear answer. */
function normalizeImported(doc: ArticleDoc): ArticleDoc {
  try {
    return normalizeArticleDoc(doc);
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    throw new AppError('INVALID_INPUT', {
      message: `Imported document failed normalisation: ${error.message}`,
      userMessage: 'This document could not be converted into an article.',
    });
  }
}

/**
 * Converts an uploaded file (.txt, .md, .html, .docx, .pdf up to 10 MB) or pasted text (plain
 * by default; Markdown or HTML when asked). Throws AppError with a message for the user
 * when the input is too large, of an unsupported type, unreadable or empty.
 */
export async function importDocument(input: ImportInput): Promise<ImportedDocument> {
  const { format, converted } = 'pastedText' in input ? convertPasted(input) : await convertFile(input);
  const doc = normalizeImported(converted.doc);
  return { format, doc, text: docToPlainText(doc), metadata: converted.metadata };
}
