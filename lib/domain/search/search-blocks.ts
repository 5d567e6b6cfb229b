import { BLOCK_SEPARATOR } from '../document/article-doc';

export type SearchBlock = { start: number; text: string };

/**
 * Cuts an article's plain text into the blocks that full-text search indexes, each with its
 * offset in the text, so a hit can link straight to its passage.
 */
export function splitSearchBlocks(text: string): SearchBlock[] {
  const blocks: SearchBlock[] = [];
  let start = 0;
  for (const piece of text.split(BLOCK_SEPARATOR)) {
    if (piece.trim()) blocks.push({ start, text: piece });
    start += piece.length + BLOCK_SEPARATOR.length;
  }
  return blocks;
}
