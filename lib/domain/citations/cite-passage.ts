// Pinpoint citations for a passage of an article's plain text: the page of the source PDF
// ("p. 12", "pp. 12–13") when the article came from one, else the paragraph ("¶ 14").
// Offsets are those of the plain text (docToPlainText): textblocks joined by a blank line.
import { BLOCK_SEPARATOR, type DocNode } from '../document/article-doc';

export type Citation = { kind: 'page' | 'paragraph'; first: number; last: number };

export type CitedBlocks = CitedBlock[];

type CitedBlock = { start: number; end: number; page: number | null; pageBreaks: number[]; paragraph: number | null };

const TEXTBLOCKS = new Set(['paragraph', 'heading']);

function inlineLength(node: DocNode): number {
  if (node.type === 'text') return node.text?.length ?? 0;
  if (node.type === 'hardBreak') return 1;
  return (node.content ?? []).reduce((sum, child) => sum + inlineLength(child), 0);
}

/** Each textblock's span of the plain text with what it can be cited by; built once per revision. */
export function citationIndex(doc: DocNode): CitedBlock[] {
  const blocks: CitedBlock[] = [];
  let offset = 0;
  let paragraphs = 0;
  // A PDF's blocks name their page where one begins; the blocks after it are on the same page.
  let carriedPage: number | null = null;
  const stack: DocNode[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (!TEXTBLOCKS.has(node.type)) {
      for (let index = (node.content?.length ?? 0) - 1; index >= 0; index--) stack.push(node.content![index]!);
      continue;
    }
    if (blocks.length) offset += BLOCK_SEPARATOR.length;
    const length = inlineLength(node);
    const page: number | null = typeof node.attrs?.page === 'number' ? node.attrs.page : carriedPage;
    const breaks = Array.isArray(node.attrs?.pageBreaks) ? (node.attrs.pageBreaks as number[]) : [];
    if (page !== null) carriedPage = page + breaks.length;
    blocks.push({
      start: offset,
      end: offset + length,
      page,
      pageBreaks: breaks,
      paragraph: node.type === 'paragraph' ? ++paragraphs : null,
    });
    offset += length;
  }
  return blocks;
}

/** The position of the last block starting at or before `offset` (the index is sorted by start), or -1. */
function blockAt(index: CitedBlock[], offset: number): number {
  let low = 0;
  let high = index.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (index[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function pageAt(block: CitedBlock, offset: number): number | null {
  if (block.page === null) return null;
  const within = offset - block.start;
  return block.page + block.pageBreaks.filter((breakAt) => breakAt <= within).length;
}

/** A heading is cited by the paragraph it introduces. */
function paragraphAt(index: CitedBlock[], position: number): number | null {
  for (let i = position; i < index.length; i++) if (index[i]!.paragraph !== null) return index[i]!.paragraph;
  return null;
}

export function citePassage(index: CitedBlock[], start: number, end: number): Citation | null {
  const firstAt = blockAt(index, start);
  const lastAt = blockAt(index, Math.max(start, end - 1));
  if (firstAt < 0 || lastAt < 0) return null;
  const firstPage = pageAt(index[firstAt]!, start);
  const lastPage = pageAt(index[lastAt]!, Math.max(start, end - 1));
  if (firstPage !== null && lastPage !== null)
    return { kind: 'page', first: firstPage, last: Math.max(firstPage, lastPage) };
  const firstParagraph = paragraphAt(index, firstAt);
  const lastParagraph = paragraphAt(index, lastAt);
  if (firstParagraph === null || lastParagraph === null) return null;
  return { kind: 'paragraph', first: firstParagraph, last: Math.max(firstParagraph, lastParagraph) };
}

/** "p. 12", "pp. 12–13", "¶ 14", "¶¶ 14–15": the forms legal citation uses. */
export function formatCitation(citation: Citation | null): string | null {
  if (!citation) return null;
  const single = citation.first === citation.last;
  const range = single ? String(citation.first) : `${citation.first}–${citation.last}`;
  if (citation.kind === 'page') return `${single ? 'p.' : 'pp.'} ${range}`;
  return `${single ? '¶' : '¶¶'} ${range}`;
}

/**
 * The citation of a passage of this document, or null for an orphan (it has no place now).
 * Builds the index once; each call is a binary search.
 */
export function passageCiter(doc: DocNode): (start: number, end: number, orphaned?: boolean) => string | null {
  const index = citationIndex(doc);
  return (start, end, orphaned = false) => (orphaned ? null : formatCitation(citePassage(index, start, end)));
}
