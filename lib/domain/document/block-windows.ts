// A long article is shown and edited as consecutive windows of top-level blocks, each in its own
// small editor, so opening, typing and layout cost what one window costs, not the whole article.
// Each window knows where its text sits in the article's plain text (see article-doc.ts), which is
// what annotation offsets index: an article's text is its windows' texts joined by a blank line.
import { BLOCK_SEPARATOR, docToPlainText, type ArticleDoc, type DocNode } from './article-doc';

export type BlockWindow = {
  index: number;
  blocks: DocNode[];
  /** [textStart, textEnd) of this window's text in the article's plain text. */
  textStart: number;
  textEnd: number;
};

export type BlockWindowLimits = { maxBlocks: number; maxChars: number };

/** About a screenful of reading and a few dozen paragraphs: cheap to mount, rarely split mid-thought. */
export const DEFAULT_WINDOW_LIMITS: BlockWindowLimits = { maxBlocks: 40, maxChars: 12_000 };

function hasTextblock(node: DocNode): boolean {
  return (
    node.type === 'paragraph' ||
    node.type === 'heading' ||
    node.type === 'codeBlock' ||
    (node.content ?? []).some(hasTextblock)
  );
}

/** Splits a document into windows; a window closes only once it holds text, so offsets stay exact. */
export function splitIntoWindows(doc: ArticleDoc, limits: BlockWindowLimits = DEFAULT_WINDOW_LIMITS): BlockWindow[] {
  const windows: BlockWindow[] = [];
  let blocks: DocNode[] = [];
  let chars = 0;
  let textStart = 0;
  const close = () => {
    const text = docToPlainText({ type: 'doc', content: blocks });
    windows.push({ index: windows.length, blocks, textStart, textEnd: textStart + text.length });
    textStart += text.length + BLOCK_SEPARATOR.length;
    blocks = [];
    chars = 0;
  };
  for (const block of doc.content ?? []) {
    blocks.push(block);
    chars += docToPlainText({ type: 'doc', content: [block] }).length;
    if ((blocks.length >= limits.maxBlocks || chars >= limits.maxChars) && blocks.some(hasTextblock)) close();
  }
  if (blocks.length) {
    // Trailing blocks without text (an empty list) belong to the last window rather than a window of their own.
    if (!blocks.some(hasTextblock) && windows.length) windows.at(-1)!.blocks.push(...blocks);
    else close();
  }
  return windows;
}

/** The whole document again, from each window's (possibly edited) blocks, in order. */
export function joinWindows(blocksPerWindow: DocNode[][]): ArticleDoc {
  return { type: 'doc', content: blocksPerWindow.flat() };
}

/** Index of the last window starting at or before `offset` (binary search). */
export function windowAt(windows: readonly BlockWindow[], offset: number): number {
  let low = 0;
  let high = windows.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (windows[mid]!.textStart <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The windows a text range [start, end) touches, with the range clipped to each, in window-local offsets. */
export function rangeInWindows(
  windows: readonly BlockWindow[],
  start: number,
  end: number,
): { index: number; start: number; end: number }[] {
  if (!windows.length || end <= start) return [];
  const parts: { index: number; start: number; end: number }[] = [];
  for (let i = windowAt(windows, start); i < windows.length && windows[i]!.textStart < end; i++) {
    const window = windows[i]!;
    const from = Math.max(start, window.textStart);
    const to = Math.min(end, window.textEnd);
    if (to > from) parts.push({ index: i, start: from - window.textStart, end: to - window.textStart });
  }
  return parts;
}
