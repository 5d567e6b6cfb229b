// The cases of Hypothesis' published match-quote tests (src/annotator/anchoring/test/
// match-quote-test.js), ported to our matcher: the same texts, quotes and expectations.
import { describe, expect, it } from 'vitest';
import { matchQuote } from './match-quote';
import type { TextQuote } from './types';

const normalize = (text: string) => text.replace(/\s+/g, ' ');
const solitude = normalize(`Many years later, as he faced the firing squad,
    Colonel Aureliano Buendía was to remember that distant afternoon
    when his father took him to discover ice`);
const twoCities = normalize(`It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,
    it was the epoch of incredulity, it was the season of Light, it was the
    season of Darkness, it was the spring of hope, it was the winter of despair, we had
    everything before us, we had nothing before us, we were all going direct to Heaven,
    we were all going direct the other way.`);

const quote = (exact: string, context: Partial<TextQuote> = {}): TextQuote => ({
  exact,
  prefix: context.prefix ?? '',
  suffix: context.suffix ?? '',
});
/** Hypothesis allows up to half the quote's length in errors when it has nothing else to go on. */
const match = (text: string, q: TextQuote, hint?: number) =>
  matchQuote(text, q, { hint, maxErrors: Math.min(256, Math.floor(q.exact.length / 2)) });

describe('matchQuote (Hypothesis cases)', () => {
  it('finds an exact match', () => {
    const found = match(solitude, quote('discover ice'));
    expect(found?.score).toBe(1);
    expect(solitude.slice(found!.start, found!.end)).toBe('discover ice');
  });

  it('finds the best approximate match if there is no exact match', () => {
    const found = match(solitude, quote('some years later'));
    expect(found!.score).toBeGreaterThan(0);
    expect(found!.score).toBeLessThan(1);
    expect(solitude.slice(found!.start, found!.end)).toBe('Many years later');
  });

  it('scores matches based on quote similarity', () => {
    const scores = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'].map(
      (q) => match(solitude, quote(q))!.score,
    );
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('scores matches based on prefix similarity', () => {
    const scores = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'].map(
      (prefix) => match(solitude, quote(', as he faced the firing squad', { prefix }))!.score,
    );
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('scores matches based on suffix similarity', () => {
    const suffixes = [
      ', as he faced the firing squad',
      ', as she faced the firing squad',
      ', as he awaited the firing squad',
      ', as he awaited his death',
    ];
    const scores = suffixes.map((suffix) => match(solitude, quote('Many years later', { suffix }))!.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('returns null if there is no acceptable approximate match', () => {
    expect(match(twoCities, quote(solitude))).toBeNull();
  });

  it('returns null if the quote is empty', () => {
    expect(match('foobar', quote(''))).toBeNull();
  });

  it('returns null if the text is empty', () => {
    expect(match('', quote('foobar'))).toBeNull();
  });

  it.each([
    // Exact prefix matches.
    { exact: 'before us', prefix: 'we had everything', expected: 'before us, we had nothing' },
    { exact: 'before us', prefix: 'we had nothing', expected: 'before us, we were all going' },
    // Approximate prefix matches.
    { exact: 'before us', prefix: 'we had every-thing', expected: 'before us, we had nothing' },
    { exact: 'before us', prefix: 'we had nout', expected: 'before us, we were all going' },
    // Exact suffix matches.
    { exact: 'we had', suffix: 'everything', expected: 'we had everything' },
    { exact: 'we had', suffix: 'nothing', expected: 'we had nothing' },
    // Approximate suffix matches.
    { exact: 'we had', suffix: 'ever ting', expected: 'we had everything' },
    { exact: 'we had', suffix: 'nutting', expected: 'we had nothing' },
  ])('finds the match with the best context ($exact / $prefix$suffix)', ({ exact, prefix, suffix, expected }) => {
    const found = match(twoCities, quote(exact, { prefix, suffix }));
    expect(twoCities.slice(found!.start, found!.end)).toBe(exact);
    expect(found!.start).toBe(twoCities.indexOf(expected));
  });

  it('uses the hint as a tie-breaker between matches with close scores', () => {
    const posA = twoCities.indexOf('everything before us') + 'everything '.length;
    const posB = twoCities.indexOf('nothing before us') + 'nothing '.length;
    expect(match(twoCities, quote('befor us'), posA)?.start).toBe(posA);
    expect(match(twoCities, quote('befor us'), posB)?.start).toBe(posB);
    // Without a hint, the first match wins.
    expect(match(twoCities, quote('befor us'))?.start).toBe(posA);
  });

  it('matches when the prefix is longer than the text before the match', () => {
    const found = match(solitude, quote('years later', { prefix: 'It used to be many' }));
    expect('It used to be many'.length).toBeGreaterThan(found!.start);
    expect(solitude.slice(found!.start, found!.end)).toBe('years later');
  });

  it('matches when the match ends the text and a suffix was expected', () => {
    const text = 'Some document text';
    const found = match(text, quote('text', { suffix: 'missing' }));
    expect(text.slice(found!.start, found!.end)).toBe('text');
  });
});
