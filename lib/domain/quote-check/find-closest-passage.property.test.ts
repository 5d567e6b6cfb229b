// Properties: a quote cut verbatim from one of the sources is always found exact, byte-identical,
// at a position where the source's text is the quote; and still exact when retyped in capitals
// with straight quotes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findClosestPassage } from './find-closest-passage';

const words = [
  'the',
  'report',
  'said',
  'Sessions',
  'children',
  'family-unit',
  'Department’s',
  '“quoted”',
  'naïve',
  'ÉCOLE',
  '—',
  '3.5%',
  'and',
  'a',
  'DOJ',
  'ﬁne',
  'x\u00ady',
];
const sentence = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 14 }).map((w) => w.join(' ') + '.');
const articleText = fc
  .array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })
  .map((paragraphs) => paragraphs.map((p) => p.join(' ')).join('\n\n'));

describe('findClosestPassage (property)', () => {
  it('finds a verbatim cut of a source exact, where the text is the quote', () => {
    fc.assert(
      fc.property(
        fc.array(articleText, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (texts, which, from, length) => {
          const sources = texts.map((text, i) => ({ articleId: `a${i}`, text }));
          const text = texts[which % texts.length]!;
          const start = from % text.length;
          const quote = text.slice(start, start + 1 + (length % 300));
          fc.pre(quote.trim().length > 0);
          const result = findClosestPassage(quote, sources);
          expect(result.kind).toBe('exact');
          if (result.kind !== 'exact') return;
          expect(result.normalisedOnly).toBe(false);
          expect(result.passage).toBe(quote.trim());
          const source = sources.find((candidate) => candidate.articleId === result.articleId)!;
          expect(source.text.slice(result.start, result.end)).toBe(result.passage);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a verbatim cut retyped in capitals with straight quotes exact, after normalisation', () => {
    fc.assert(
      fc.property(articleText, fc.nat(), fc.nat(), (text, from, length) => {
        const start = from % text.length;
        const cutText = text.slice(start, start + 1 + (length % 200));
        fc.pre(/\p{L}/u.test(cutText));
        const retyped = cutText.toUpperCase().replace(/[“”]/g, '"').replace(/’/g, "'");
        const result = findClosestPassage(retyped, [{ articleId: 'a', text }]);
        expect(result.kind).toBe('exact');
        if (result.kind !== 'exact') return;
        expect(text.slice(result.start, result.end)).toBe(result.passage);
        expect(result.normalisedOnly).toBe(result.passage !== retyped.trim());
      }),
      { numRuns: 500 },
    );
  });
});
