import { describe, expect, it } from 'vitest';
import { docToPlainText, type ArticleDoc, type DocNode } from './article-doc';
import { joinWindows, rangeInWindows, splitIntoWindows, windowAt } from './block-windows';

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const list = (...items: string[]): DocNode => ({
  type: 'bulletList',
  content: items.map((text) => ({ type: 'listItem', content: [paragraph(text)] })),
});
const doc = (...content: DocNode[]): ArticleDoc => ({ type: 'doc', content });

describe('splitIntoWindows', () => {
  const article = doc(
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
    paragraph('One two three.'),
    list('first', 'second'),
    paragraph(''),
    paragraph('Four five.'),
    paragraph('Six.'),
  );

  it('places every window at its text in the article, whatever the window size', () => {
    const text = docToPlainText(article);
    for (const maxBlocks of [1, 2, 3, 100]) {
      const windows = splitIntoWindows(article, { maxBlocks, maxChars: 1_000 });
      for (const window of windows)
        expect(text.slice(window.textStart, window.textEnd)).toBe(docToPlainText(doc(...window.blocks)));
      expect(windows.map((w) => docToPlainText(doc(...w.blocks))).join('\n\n')).toBe(text);
      expect(joinWindows(windows.map((w) => w.blocks))).toEqual(article);
    }
  });

  it('closes a window at the character budget', () => {
    const windows = splitIntoWindows(doc(paragraph('a'.repeat(10)), paragraph('b'), paragraph('c'.repeat(10))), {
      maxBlocks: 100,
      maxChars: 10,
    });
    expect(windows.map((w) => w.blocks.length)).toEqual([1, 2]);
  });

  it('keeps blocks without text with a window that has text', () => {
    const empty: DocNode = { type: 'bulletList', content: [] };
    const windows = splitIntoWindows(doc(empty, paragraph('a'), empty), { maxBlocks: 1, maxChars: 1_000 });
    expect(windows.map((w) => w.blocks.length)).toEqual([3]);
    expect(windows[0]!.textEnd).toBe(1);
    expect(windows[0]!.blocks.at(-1)).toBe(empty);
  });
});

describe('rangeInWindows', () => {
  const windows = splitIntoWindows(doc(paragraph('abc'), paragraph('defg'), paragraph('hi')), {
    maxBlocks: 1,
    maxChars: 1_000,
  });

  it('finds the window of an offset', () => {
    expect([0, 2, 5, 8, 9, 11].map((offset) => windowAt(windows, offset))).toEqual([0, 0, 1, 1, 1, 2]);
  });

  it('clips a range to each window it crosses, in window-local offsets', () => {
    expect(rangeInWindows(windows, 1, 2)).toEqual([{ index: 0, start: 1, end: 2 }]);
    // "bc\n\ndefg\n\nh": crosses all three; the separators belong to no window.
    expect(rangeInWindows(windows, 1, 12)).toEqual([
      { index: 0, start: 1, end: 3 },
      { index: 1, start: 0, end: 4 },
      { index: 2, start: 0, end: 1 },
    ]);
    expect(rangeInWindows(windows, 3, 5)).toEqual([]);
    expect(rangeInWindows(windows, 4, 4)).toEqual([]);
  });
});
