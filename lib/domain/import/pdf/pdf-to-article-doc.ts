// A text PDF → article document. Each block keeps the page it starts on (and where later
// pages begin inside it), so annotations can be cited as "p. 12" like the printed record.
import type { DocNode } from '../../document/article-doc';
import { cleanByline, cleanTitle } from '../metadata-values';
import { chooseImportTitle } from '../choose-import-title';
import { noTextToImport, pdfEncrypted, pdfTooComplex, pdfUnreadable, pdfWithoutText } from '../import-errors';
import type { ConvertedDocument } from '../imported-document';
import { extractPdfText, PdfExtractionError } from './extract-pdf-text';
import { layoutPdfBlocks, textCharacterCount, type PdfBlock } from './pdf-layout';
import type { PdfExtraction } from './pdf-text-items';

/** Fewer characters than this per page on average, and the PDF is a scan with at most stray marks. */
const MIN_CHARACTERS_PER_PAGE = 10;

export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * A block names its page only where the page is not the one the block before it ended on, so
 * the article shows a page marker where a page begins (citePassage carries the page forward).
 */
function toDocNode(block: PdfBlock, inheritedPage: number | null): DocNode {
  const attrs: Record<string, number | number[]> = block.page === inheritedPage ? {} : { page: block.page };
  if (block.pageBreaks.length) attrs.pageBreaks = block.pageBreaks;
  const content = [{ type: 'text', text: block.text }];
  return block.type === 'heading'
    ? { type: 'heading', attrs: { level: block.level ?? 2, ...attrs }, content }
    : { type: 'paragraph', ...(Object.keys(attrs).length ? { attrs } : {}), content };
}

function toDocNodes(blocks: PdfBlock[]): DocNode[] {
  let page: number | null = null;
  return blocks.map((block) => {
    const node = toDocNode(block, page);
    page = block.page + block.pageBreaks.length;
    return node;
  });
}

async function extract(bytes: Uint8Array): Promise<PdfExtraction> {
  try {
    return await extractPdfText(bytes);
  } catch (error) {
    if (!(error instanceof PdfExtractionError)) throw error;
    if (error.failure === 'encrypted') throw pdfEncrypted();
    if (error.failure === 'too-many-pages') throw pdfTooComplex(Number(error.message.split(': ').pop()) || null);
    if (error.failure === 'too-slow' || error.failure === 'too-large') throw pdfTooComplex(null);
    throw pdfUnreadable(error.message);
  }
}

/** Blocks the layout made into the largest-type heading on page 1 can serve as the title. */
function leadingHeading(blocks: DocNode[], pdfBlocks: PdfBlock[]): DocNode | undefined {
  const index = pdfBlocks.findIndex((block) => block.page === 1 && block.type === 'heading');
  if (index < 0 || index > 2) return undefined;
  const largest = Math.max(...pdfBlocks.filter((block) => block.page === 1).map((block) => block.fontSize));
  return pdfBlocks[index]!.fontSize >= largest ? blocks[index] : undefined;
}

/** Word processors write the file name as the PDF's title ("Microsoft Word - draft.docx"): not a title. */
function statedTitle(title: string | undefined): string | undefined {
  const cleaned = cleanTitle(title);
  if (!cleaned || /^microsoft word\s*-|\.(docx?|pdf|odt|rtf|txt)$/i.test(cleaned)) return undefined;
  return cleaned;
}

export async function pdfToArticleDoc(bytes: Uint8Array): Promise<ConvertedDocument> {
  if (!looksLikePdf(bytes)) throw pdfUnreadable('no %PDF- header');
  const { pages, info } = await extract(bytes);
  if (textCharacterCount(pages) < MIN_CHARACTERS_PER_PAGE * pages.length) throw pdfWithoutText();
  const pdfBlocks = layoutPdfBlocks(pages);
  if (!pdfBlocks.length) throw noTextToImport();
  const nodes = toDocNodes(pdfBlocks);
  const { title, blocks } = chooseImportTitle(nodes, leadingHeading(nodes, pdfBlocks), statedTitle(info.title));
  const byline = cleanByline(info.author);
  return { doc: { type: 'doc', content: blocks }, metadata: { title, ...(byline ? { byline } : {}) } };
}
