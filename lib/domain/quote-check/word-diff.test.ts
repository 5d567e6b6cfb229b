import { describe, expect, it } from 'vitest';
import type { DiffSegment } from './types';
import { diffQuoteWords } from './word-diff';

const text = (segments: DiffSegment[], kinds: DiffSegment['kind'][]) =>
  segments
    .filter((segment) => kinds.includes(segment.kind))
    .map((segment) => segment.text)
    .join('');

describe('diffQuoteWords', () => {
  it('does not flag case, quote style or hyphenation', () => {
    const segments = diffQuoteWords('the Department’s family-unit policy', "The department's family unit policy");
    expect(segments).toEqual([{ kind: 'equal', text: 'the Department’s family-unit policy' }]);
  });

  it('shows changed words in their original spelling, quote words before source words', () => {
    const segments = diffQuoteWords('“Sessions told the prosecutors,”', 'Sessions told the reporters');
    expect(segments).toEqual([
      { kind: 'equal', text: '“Sessions told the ' },
      { kind: 'quote_only', text: 'prosecutors,”' },
      { kind: 'source_only', text: 'reporters' },
    ]);
  });

  it('gives back the quote from its equal and quote_only segments', () => {
    const quote = '“We concluded that the Department’s focus came at the expense of careful consideration,” he said.';
    const segments = diffQuoteWords(quote, 'The department’s sharp focus came at the cost of careful implementation');
    expect(text(segments, ['equal', 'quote_only'])).toBe(quote);
  });

  it('folds a coincidental "of the" inside a rewritten phrase into the change', () => {
    const segments = diffQuoteWords(
      'careful and appropriate consideration of the impact of family unit prosecutions',
      'careful and effective implementation of the policy, especially with regard to prosecution of family unit prosecutions',
    );
    expect(text(segments, ['quote_only'])).toBe('appropriate consideration of the impact ');
    expect(text(segments, ['source_only'])).toBe(
      'effective implementation of the policy, especially with regard to prosecution ',
    );
    expect(segments.at(-1)).toEqual({ kind: 'equal', text: 'of family unit prosecutions' });
  });
});

describe('square brackets', () => {
  // A bracket sits in the space between two words, so both words around it show as changed.
  it('shows an alteration in brackets whichever side has it', () => {
    expect(diffQuoteWords('He said [the] plan failed', 'He said the plan failed')).toEqual([
      { kind: 'equal', text: 'He ' },
      { kind: 'quote_only', text: 'said [the] ' },
      { kind: 'source_only', text: 'said the ' },
      { kind: 'equal', text: 'plan failed' },
    ]);
    expect(diffQuoteWords('He said the plan failed', 'He said [the] plan failed')).toEqual([
      { kind: 'equal', text: 'He ' },
      { kind: 'quote_only', text: 'said the ' },
      { kind: 'source_only', text: 'said [the] ' },
      { kind: 'equal', text: 'plan failed' },
    ]);
  });
});
