import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textPositionFromRange, textPositionToRange, textQuoteFromRange, textQuoteToRange } from './selectors';

const text = 'The report found that the policy was the driving force. The policy was new.\n\nIt said so.';

describe('text selectors round-trip', () => {
  it('TextPositionSelector: every range inside the text comes back as itself', () => {
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.nat(text.length), (a, b) => {
        const range = {
          start: Math.min(a, b),
          end: Math.max(a, b) === Math.min(a, b) ? Math.min(a, b) + 1 : Math.max(a, b),
        };
        fc.pre(range.end <= text.length);
        expect(textPositionToRange(text, textPositionFromRange(range))).toEqual(range);
      }),
    );
  });

  it('TextQuoteSelector: the prefix and suffix pick the right one of repeated words', () => {
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.integer({ min: 1, max: 20 }), (start, length) => {
        const range = { start, end: Math.min(text.length, start + length) };
        expect(textQuoteToRange(text, textQuoteFromRange(text, range), 0)).toEqual(range);
      }),
    );
  });

  it('finds the second "The policy" from its context even with no position hint', () => {
    const second = text.lastIndexOf('The policy');
    const selector = textQuoteFromRange(text, { start: second, end: second + 10 });
    expect(textQuoteToRange(text, selector)).toEqual({ start: second, end: second + 10 });
  });

  it('refuses what is not in the text', () => {
    expect(textPositionToRange(text, { start: 5, end: 5 })).toBeNull();
    expect(textPositionToRange(text, { start: 0, end: text.length + 1 })).toBeNull();
    expect(textQuoteToRange(text, { exact: 'not there' })).toBeNull();
    expect(textQuoteToRange(text, { exact: '' })).toBeNull();
  });
});
