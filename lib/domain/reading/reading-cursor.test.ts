import { describe, expect, it } from 'vitest';
import { adjacentAnnotation, inDocumentOrder, moveByCharacter, moveByWord, sentenceAt } from './reading-cursor';

const TEXT = 'The report was late. Officials said so!\n\nA new paragraph, with words.';

describe('moveByCharacter', () => {
  it('moves one character and stops at either end', () => {
    expect(moveByCharacter(TEXT, 0, 1)).toBe(1);
    expect(moveByCharacter(TEXT, 0, -1)).toBe(0);
    expect(moveByCharacter(TEXT, TEXT.length, 1)).toBe(TEXT.length);
  });

  it('steps over the separator between blocks in one move', () => {
    const endOfBlock = TEXT.indexOf('\n\n');
    expect(moveByCharacter(TEXT, endOfBlock, 1)).toBe(endOfBlock + 2);
    expect(moveByCharacter(TEXT, endOfBlock + 2, -1)).toBe(endOfBlock);
  });
});

describe('moveByWord', () => {
  it('goes forward to the end of the next word, skipping punctuation and space', () => {
    expect(moveByWord(TEXT, 0, 1)).toBe(3);
    expect(moveByWord(TEXT, 3, 1)).toBe('The report'.length);
    expect(moveByWord(TEXT, TEXT.indexOf('late') + 4, 1)).toBe(TEXT.indexOf('Officials') + 'Officials'.length);
  });

  it('goes back to the start of the previous word', () => {
    expect(moveByWord(TEXT, 'The report'.length, -1)).toBe(4);
    expect(moveByWord(TEXT, TEXT.indexOf('A new'), -1)).toBe(TEXT.indexOf('so!'));
    expect(moveByWord(TEXT, 2, -1)).toBe(0);
  });

  it('stays put at the ends of the text', () => {
    expect(moveByWord(TEXT, 0, -1)).toBe(0);
    expect(moveByWord(TEXT, TEXT.length, 1)).toBe(TEXT.length);
  });
});

describe('sentenceAt', () => {
  it('finds the sentence around the offset, without the space after it', () => {
    expect(sentenceAt(TEXT, 5)).toEqual({ start: 0, end: 'The report was late.'.length });
    const second = TEXT.indexOf('Officials');
    expect(sentenceAt(TEXT, second + 3)).toEqual({ start: second, end: TEXT.indexOf('\n\n') });
  });

  it('ends a sentence at a paragraph break even without a full stop', () => {
    const text = 'A heading\n\nBody text here.';
    expect(sentenceAt(text, 2)).toEqual({ start: 0, end: 'A heading'.length });
    expect(sentenceAt(text, text.length)).toEqual({ start: 'A heading\n\n'.length, end: text.length });
  });

  it('at a sentence end gives that sentence, in the space between sentences the next one', () => {
    expect(sentenceAt(TEXT, 'The report was late.'.length)).toEqual({ start: 0, end: 20 });
    expect(sentenceAt(TEXT, TEXT.indexOf('\n\n') + 1)?.start).toBe(TEXT.indexOf('A new'));
  });

  it('is null for empty text', () => {
    expect(sentenceAt('', 0)).toBeNull();
  });
});

describe('adjacentAnnotation', () => {
  const list = [
    { id: 'c', start: 40, end: 50 },
    { id: 'a', start: 5, end: 10 },
    { id: 'b', start: 5, end: 8 },
  ];

  it('orders by start, then end', () => {
    expect(inDocumentOrder(list).map((item) => item.id)).toEqual(['b', 'a', 'c']);
  });

  it('steps from the current annotation and stops at the ends', () => {
    expect(adjacentAnnotation(list, { id: 'b', offset: 0 }, 1)?.id).toBe('a');
    expect(adjacentAnnotation(list, { id: 'a', offset: 0 }, 1)?.id).toBe('c');
    expect(adjacentAnnotation(list, { id: 'c', offset: 0 }, 1)).toBeNull();
    expect(adjacentAnnotation(list, { id: 'b', offset: 0 }, -1)).toBeNull();
  });

  it('without a current one, starts from the cursor', () => {
    expect(adjacentAnnotation(list, { id: null, offset: 6 }, 1)?.id).toBe('c');
    expect(adjacentAnnotation(list, { id: null, offset: 6 }, -1)?.id).toBe('a');
    expect(adjacentAnnotation(list, { id: null, offset: 0 }, 1)?.id).toBe('b');
    expect(adjacentAnnotation(list, { id: 'gone', offset: 60 }, 1)).toBeNull();
  });
});
