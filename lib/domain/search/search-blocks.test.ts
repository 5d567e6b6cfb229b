import { describe, expect, it } from 'vitest';
import { splitSearchBlocks } from './search-blocks';

describe('splitSearchBlocks', () => {
  it('gives each block with its offset in the text', () => {
    const text = 'Title line\n\nFirst paragraph.\n\n\n\nAfter an empty block.';
    const blocks = splitSearchBlocks(text);
    expect(blocks.map((block) => block.text)).toEqual(['Title line', 'First paragraph.', 'After an empty block.']);
    for (const block of blocks) expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text);
  });

  it('keeps line breaks inside a block and counts astral characters as JavaScript does', () => {
    const text = '😀 emoji\nsecond line\n\nnext';
    expect(splitSearchBlocks(text)).toEqual([
      { start: 0, text: '😀 emoji\nsecond line' },
      { start: text.indexOf('next'), text: 'next' },
    ]);
  });

  it('has nothing to index in an empty text', () => {
    expect(splitSearchBlocks('')).toEqual([]);
    expect(splitSearchBlocks('  \n\n ')).toEqual([]);
  });
});
