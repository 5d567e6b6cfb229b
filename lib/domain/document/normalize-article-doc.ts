import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { BLOCK_SEPARATOR, SUBHEADING_LEVEL, docToBlocks, type ArticleDoc, type DocNode } from './article-doc';
import { articleSchema, isSafeHref } from './article-schema';

export class InvalidDocumentError extends Error {}

/** Pages are cited to readers, so only whole numbers in range pass (an API client could send anything). */
const MAX_CITED_PAGE = 100_000;
const isPage = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_CITED_PAGE;

function assertValidPages(node: DocNode): void {
  const { page, pageBreaks } = node.attrs ?? {};
  if (page !== undefined && page !== null && !isPage(page)) {
    throw new InvalidDocumentError("A block's page must be a whole number from 1.");
  }
  if (pageBreaks !== undefined && pageBreaks !== null) {
    const valid =
      Array.isArray(pageBreaks) &&
      pageBreaks.length <= MAX_CITED_PAGE &&
      pageBreaks.every((offset) => Number.isInteger(offset) && (offset as number) >= 0);
    if (!valid) throw new InvalidDocumentError("A block's page breaks must be a list of text offsets.");
  }
  for (const child of node.content ?? []) assertValidPages(child);
}

/** Only PDF imports have pages: other documents are stored as they were, without two null attributes per block. */
function dropUnsetPages(node: DocNode): void {
  if (node.attrs) {
    if (node.attrs.page === null) delete node.attrs.page;
    if (node.attrs.pageBreaks === null) delete node.attrs.pageBreaks;
    if (!Object.keys(node.attrs).length) delete node.attrs;
  }
  for (const child of node.content ?? []) dropUnsetPages(child);
}

function assertSafeLinks(node: DocNode): void {
  for (const mark of node.marks ?? []) {
    if (mark.type === 'link' && !isSafeHref(mark.attrs?.href)) {
      throw new InvalidDocumentError('Links may only use http, https or mailto addresses.');
    }
  }
  for (const child of node.content ?? []) assertSafeLinks(child);
}

/**
 * Accepts a document only if the editor's schema does (known nodes and marks, valid
 * nesting) and its links are safe; returns it as the schema serialises it.
 */
export function normalizeArticleDoc(json: unknown): ArticleDoc {
  let node: ProseMirrorNode;
  try {
    node = ProseMirrorNode.fromJSON(articleSchema, json as Record<string, unknown>);
    node.check();
  } catch (error) {
    throw new InvalidDocumentError(`The document is not valid: ${(error as Error).message}`);
  }
  if (node.type.name !== 'doc') throw new InvalidDocumentError('The document must have type "doc".');
  const normalized = node.toJSON() as ArticleDoc;
  assertSafeLinks(normalized);
  assertValidPages(normalized);
  dropUnsetPages(normalized);
  return normalized;
}

function inlineContent(text: string): DocNode[] {
  const content: DocNode[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    if (line) content.push({ type: 'text', text: line });
  });
  return content;
}

/**
 * Builds a document from plain text (blocks separated by a blank line, line breaks kept).
 * A block whose text was a subheading in the previous document stays a subheading, so an
 * API client that edits words does not flatten the article's structure.
 */
export function textToArticleDoc(text: string, previous?: DocNode): ArticleDoc {
  const headings = new Set(
    previous ? docToBlocks(previous).flatMap((block) => (block.type === 'heading' ? [block.text] : [])) : [],
  );
  return {
    type: 'doc',
    content: text
      .split(BLOCK_SEPARATOR)
      .map((block) =>
        headings.has(block) && block
          ? { type: 'heading', attrs: { level: SUBHEADING_LEVEL }, content: inlineContent(block) }
          : { type: 'paragraph', content: inlineContent(block) },
      ),
  };
}
