// Rebuilds an article's blocks from the positioned text runs of a PDF. PDF.js gives text in
// drawing order with coordinates, not paragraphs, and no library we could find does this
// step (pdf.js-extract, pdf-parse and unpdf return lines or one string), so it is written
// here: lines from runs on one baseline, columns from the gutter no line crosses, running
// headers and page numbers from what repeats at the top and bottom of the pages, and
// paragraphs from line spacing, indents and sentence ends. All steps are linear or n log n
// in the number of runs.
import type { PdfPage, PdfTextItem } from './pdf-text-items';

export type PdfBlock = {
  type: 'paragraph' | 'heading';
  level?: 2 | 3;
  text: string;
  /** The page the block starts on (1-based). */
  page: number;
  /** Offsets in `text` where a following page begins, for blocks that run across pages. */
  pageBreaks: number[];
  fontSize: number;
};

type Draft = PdfBlock & { x1: number; lines: number };

type Fragment = { page: number; text: string; x0: number; x1: number; y: number; fontSize: number };

/** Runs further apart than this (in ems) on one baseline belong to different columns. */
const COLUMN_GAP_EMS = 1.5;
/** Share of the page height at the top and bottom where running headers and footers live. */
const MARGIN_ZONE = 0.1;
const PAGE_NUMBER = /^(?:page\s+)?(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,5})?$|^[-–—]\s*\d{1,5}\s*[-–—]$/i;
const SENTENCE_END = /[.!?:;"”’)\]]$/;

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function joinRun(text: string, item: PdfTextItem, gap: number): string {
  if (!text) return item.str;
  const needsSpace = gap > item.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str);
  return text + (needsSpace ? ' ' : '') + item.str;
}

/** Runs on one baseline joined left to right, split where a gap is wide enough to be a gutter. */
function pageFragments(page: PdfPage): Fragment[] {
  const items = page.items.filter((item) => item.str.trim() && item.fontSize > 0);
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(1, 0.45 * item.fontSize)) row.push(item);
    else rows.push([item]);
  }
  const fragments: Fragment[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: Fragment | null = null;
    for (const item of row) {
      const gap = current ? item.x - current.x1 : 0;
      if (!current || gap > COLUMN_GAP_EMS * item.fontSize) {
        current = { page: page.number, text: '', x0: item.x, x1: item.x, y: row[0]!.y, fontSize: item.fontSize };
        fragments.push(current);
      }
      current.text = joinRun(current.text, item, gap);
      current.x1 = Math.max(current.x1, item.x + item.width);
      current.fontSize = Math.max(current.fontSize, item.fontSize);
    }
  }
  for (const fragment of fragments) fragment.text = fragment.text.replace(/\s+/g, ' ').trim();
  return fragments.filter((fragment) => fragment.text);
}

/** The x of a gutter that at most a few fragments cross, with text on both sides; or null. */
function findGutter(fragments: Fragment[], width: number): number | null {
  if (fragments.length < 6) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = Math.round(width * 0.3); x <= width * 0.7; x += 2) {
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const fragment of fragments) {
      if (fragment.x1 <= x) left++;
      else if (fragment.x0 >= x) right++;
      else crossing++;
    }
    if (left >= 3 && right >= 3 && (!best || crossing < best.crossing)) best = { x, crossing };
  }
  return best && best.crossing <= fragments.length * 0.15 ? best.x : null;
}

/** Top to bottom; on two-column stretches, the left column before the right one. */
function readingOrder(fragments: Fragment[], width: number): Fragment[] {
  const gutter = findGutter(fragments, width);
  if (gutter === null) return fragments;
  const ordered: Fragment[] = [];
  let left: Fragment[] = [];
  let right: Fragment[] = [];
  const flush = () => {
    ordered.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const fragment of fragments) {
    if (fragment.x1 <= gutter) left.push(fragment);
    else if (fragment.x0 >= gutter) right.push(fragment);
    else {
      flush();
      ordered.push(fragment);
    }
  }
  flush();
  return ordered;
}

const marginKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

function inMargin(fragment: Fragment, height: number): boolean {
  return fragment.y >= height * (1 - MARGIN_ZONE) || fragment.y <= height * MARGIN_ZONE;
}

/** Drops page numbers, and lines in the margins that repeat on at least half the pages (two at least). */
function dropRunningHeaders(pages: { page: PdfPage; fragments: Fragment[] }[]): Fragment[][] {
  const seenOn = new Map<string, Set<number>>();
  for (const { page, fragments } of pages) {
    for (const fragment of fragments) {
      if (!inMargin(fragment, page.height)) continue;
      const key = marginKey(fragment.text);
      if (!seenOn.has(key)) seenOn.set(key, new Set());
      seenOn.get(key)!.add(page.number);
    }
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map(({ page, fragments }) =>
    fragments.filter((fragment) => {
      if (!inMargin(fragment, page.height)) return true;
      if (PAGE_NUMBER.test(fragment.text)) return false;
      return (seenOn.get(marginKey(fragment.text))?.size ?? 0) < threshold;
    }),
  );
}

function joinLines(text: string, next: string): string {
  if (/\p{L}[-\u00AD]$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= 0.1 * Math.max(a, b);

/** Whether `next` carries on the sentence that `block` left unfinished (across a column or a page). */
function continues(block: PdfBlock, next: Fragment): boolean {
  return (
    block.type === 'paragraph' &&
    sameSize(block.fontSize, next.fontSize) &&
    !SENTENCE_END.test(block.text) &&
    !/^\p{Lu}/u.test(next.text)
  );
}

function typicalLineSpacing(fragments: Fragment[]): number {
  const deltas: number[] = [];
  for (let i = 1; i < fragments.length; i++) {
    const delta = fragments[i - 1]!.y - fragments[i]!.y;
    const size = fragments[i]!.fontSize;
    if (delta >= 0.8 * size && delta <= 3 * size) deltas.push(delta);
  }
  return median(deltas);
}

function pageBlocks(fragments: Fragment[]): Draft[] {
  const spacing = typicalLineSpacing(fragments);
  const blocks: (Draft & { x0: number })[] = [];
  let previous: Fragment | null = null;
  let current: (Draft & { x0: number }) | null = null;
  for (const fragment of fragments) {
    let startsNew = !current || !previous || !sameSize(current.fontSize, fragment.fontSize);
    if (!startsNew && previous && current) {
      const drop = previous.y - fragment.y;
      if (drop < 0) startsNew = !continues(current, fragment);
      else if (spacing && drop > spacing * 1.3) startsNew = true;
      else if (SENTENCE_END.test(current.text)) {
        const indented = fragment.x0 > previous.x0 + 1.5 * fragment.fontSize;
        // Ragged right lines differ by a word or two; a paragraph's last line stops well short.
        const shortLine = previous.x1 - current.x0 < (current.x1 - current.x0) * 0.7;
        startsNew = indented || shortLine;
      }
    }
    if (startsNew || !current) {
      current = {
        type: 'paragraph',
        text: fragment.text,
        page: fragment.page,
        pageBreaks: [],
        fontSize: fragment.fontSize,
        x0: fragment.x0,
        x1: fragment.x1,
        lines: 1,
      };
      blocks.push(current);
    } else {
      current.text = joinLines(current.text, fragment.text);
      current.x0 = Math.min(current.x0, fragment.x0);
      current.x1 = Math.max(current.x1, fragment.x1);
      current.lines++;
    }
    previous = fragment;
  }
  return blocks.map(({ x0: _x0, ...block }) => block);
}

function bodyFontSize(pages: Fragment[][]): number {
  const sizes = new Map<number, number>();
  for (const fragments of pages) {
    for (const fragment of fragments) {
      const size = Math.round(fragment.fontSize * 2) / 2;
      sizes.set(size, (sizes.get(size) ?? 0) + fragment.text.length);
    }
  }
  let body = 0;
  let most = -1;
  for (const [size, chars] of sizes) if (chars > most) [body, most] = [size, chars];
  return body;
}

function markHeadings(blocks: Draft[], body: number): PdfBlock[] {
  return blocks.map(({ lines, x1: _x1, ...block }) => {
    const isHeading = block.fontSize >= body * 1.15 && lines <= 3 && block.text.length <= 200;
    return isHeading ? { ...block, type: 'heading', level: block.fontSize >= body * 1.4 ? 2 : 3 } : block;
  });
}

function lastBodyBlockOfPage(blocks: Draft[], body: number): Draft | undefined {
  const page = blocks.at(-1)?.page;
  for (let index = blocks.length - 1; index >= 0 && blocks[index]!.page === page; index--) {
    if (blocks[index]!.fontSize >= body * 0.9) return blocks[index];
  }
  return undefined;
}

/** Paragraphs and headings in reading order, each with the page it starts on. */
export function layoutPdfBlocks(pages: PdfPage[]): PdfBlock[] {
  const perPage = pages.map((page) => ({ page, fragments: readingOrder(pageFragments(page), page.width) }));
  const kept = dropRunningHeaders(perPage);
  const body = bodyFontSize(kept);
  const blocks: Draft[] = [];
  for (const fragments of kept) {
    const onPage = pageBlocks(fragments);
    // Footnotes close a page in smaller type; the sentence they interrupt goes on over them.
    const last = lastBodyBlockOfPage(blocks, body);
    const first = onPage[0];
    if (last && first && first.page !== last.page && last.type === 'paragraph') {
      const firstFragment = fragments[0]!;
      if (continues(last, firstFragment)) {
        const joined = joinLines(last.text, first.text);
        last.pageBreaks.push(joined.length - first.text.length);
        last.text = joined;
        last.lines += first.lines;
        onPage.shift();
      }
    }
    blocks.push(...onPage);
  }
  return markHeadings(blocks, body);
}

/** Characters of text per page, to tell a scan (no text layer) from a text PDF. */
export function textCharacterCount(pages: PdfPage[]): number {
  let count = 0;
  for (const page of pages) for (const item of page.items) count += item.str.replace(/\s+/g, '').length;
  return count;
}
