import { describe, expect, it } from 'vitest';
import { normaliseForMatching, toOriginalRange, trimFramingPunctuation } from './normalise-for-matching';
import { tokenise } from './tokenise';

describe('normaliseForMatching', () => {
  it('folds case, quote style, dashes, accents and spacing', () => {
    expect(normaliseForMatching('“The  Department’s\u00a0Café” — said').text).toBe('"the department\'s cafe" - said');
  });

  it('reads a hyphen between words as a space, so hyphenation does not matter', () => {
    expect(normaliseForMatching('family-unit adults').text).toBe(normaliseForMatching('family unit adults').text);
    expect(normaliseForMatching('pages 3 - 4').text).toBe('pages 3 - 4');
  });

  it('drops invisible characters without breaking a whitespace run', () => {
    expect(normaliseForMatching('fam\u00adily a \u200b b').text).toBe('family a b');
  });

  it('maps every normalised range back to the original text', () => {
    const original = 'Über  “ﬁne”\n\nword';
    const normalised = normaliseForMatching(original);
    expect(normalised.text).toBe('uber "fine" word');
    const at = normalised.text.indexOf('"fine"');
    const [start, end] = toOriginalRange(normalised, at, at + '"fine"'.length);
    expect(original.slice(start, end)).toBe('“ﬁne”');
    const [wordStart, wordEnd] = toOriginalRange(normalised, 0, normalised.text.length);
    expect(original.slice(wordStart, wordEnd)).toBe(original);
  });

  it('trims the quotation marks and punctuation framing a quote', () => {
    expect(trimFramingPunctuation('"we need to take away children,"')).toBe('we need to take away children');
  });
});

describe('tokenise', () => {
  it('yields normalised words with their original offsets, keeping numbers and contractions whole', () => {
    const text = 'The Department’s family-unit policy cost $10,000 (3.5%).';
    const tokens = tokenise(text);
    expect(tokens.map((token) => token.key)).toEqual([
      'the',
      "department's",
      'family',
      'unit',
      'policy',
      'cost',
      '$',
      '10,000',
      '3.5',
      '%',
    ]);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual([
      'The',
      'Department’s',
      'family',
      'unit',
      'policy',
      'cost',
      '$',
      '10,000',
      '3.5',
      '%',
    ]);
  });
});
