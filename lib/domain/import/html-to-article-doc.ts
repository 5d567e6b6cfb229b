// HTML → article document: the sanitised story mapped onto the editor's schema, with the
// details the page states about itself. Markdown and .docx imports end here too.
import { parseDocument } from 'htmlparser2';
import { docToPlainText, type DocNode } from '../document/article-doc';
import { chooseImportTitle } from './choose-import-title';
import { selectStoryRoot } from './html-content-root';
import { htmlDomToBlocks } from './html-dom-to-blocks';
import { noTextToImport } from './import-errors';
import type { ConvertedDocument, ImportedMetadata } from './imported-document';
import { readHtmlMetadata, type HtmlMetadata } from './read-html-metadata';
import { sanitizeImportHtml } from './sanitize-import-html';

function withoutEmptyFields<T extends Record<string, string | undefined>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Bylines stand near the top of a story; further down the same words are the text's own. */
const BYLINE_SEARCH_BLOCKS = 3;

const comparableByline = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*by[:\s]\s*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The byline is shown in the article's header, so the paragraph it came from leaves the body. */
function withoutBylineBlock(blocks: DocNode[], byline: string | undefined): DocNode[] {
  if (!byline) return blocks;
  const wanted = comparableByline(byline);
  const index = blocks
    .slice(0, BYLINE_SEARCH_BLOCKS)
    .findIndex((block) => block.type === 'paragraph' && comparableByline(docToPlainText(block)) === wanted);
  return index < 0 || blocks.length === 1 ? blocks : blocks.filter((_, i) => i !== index);
}

function convertStory(html: string, stated: HtmlMetadata): ConvertedDocument {
  const dom = parseDocument(sanitizeImportHtml(html), { decodeEntities: true });
  const { blocks, leadingH1 } = htmlDomToBlocks(selectStoryRoot(dom), { linkBase: stated.linkBase });
  if (!blocks.length) throw noTextToImport();
  const titled = chooseImportTitle(blocks, leadingH1, stated.title);
  const { byline, sourceUrl, publishedAt } = stated;
  return {
    doc: { type: 'doc', content: withoutBylineBlock(titled.blocks, byline) },
    metadata: { title: titled.title, ...withoutEmptyFields({ byline, sourceUrl, publishedAt }) },
  };
}

/** Converts an HTML page or fragment. Throws INVALID_INPUT when no text is left. */
export function htmlToArticleDoc(html: string): ConvertedDocument {
  return convertStory(html, readHtmlMetadata(html));
}

/**
 * Converts HTML this app rendered from another format (Markdown, Word), which has no
 * page head to read; `stated` details (e.g. front matter) stand in for it.
 */
export function renderedHtmlToArticleDoc(html: string, stated: ImportedMetadata = {}): ConvertedDocument {
  return convertStory(html, { ...stated, linkBase: stated.sourceUrl });
}
