// Acceptance cases on the seed articles: two news stories quoting the same DOJ Inspector
// General report, differently worded, cased, punctuated and hyphenated.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuotes } from './check-quotes';
import { findClosestPassage, NEAR_THRESHOLD } from './find-closest-passage';
import type { DiffSegment, QuoteCheckResult, QuoteCheckSource } from './types';

const seed = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../../prisma/seed-data', name), 'utf8');
const blames: QuoteCheckSource = { articleId: 'blames', text: seed('doj-ig-report-blames-sessions-rosenstein.txt') };
const drivingForce: QuoteCheckSource = {
  articleId: 'driving-force',
  text: seed('doj-ig-sessions-rosenstein-driving-force.txt'),
};
const articles = [blames, drivingForce];

/** A passage of the article, checked to be there verbatim. */
function excerpt(article: QuoteCheckSource, from: string, to: string): string {
  const start = article.text.indexOf(from);
  const end = article.text.indexOf(to, start) + to.length;
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return article.text.slice(start, end);
}

const IG_INSIDE_QUOTES = excerpt(blames, 'We concluded that', 'and child separations');
const IG_SENTENCE = excerpt(blames, '“We concluded that', 'report said.');

function joined(segments: DiffSegment[], kind: DiffSegment['kind']): string {
  return segments
    .filter((segment) => segment.kind === kind)
    .map((segment) => segment.text)
    .join('');
}

function expectPassageInPlace(result: QuoteCheckResult) {
  if (result.kind === 'not_found') throw new Error('expected a passage');
  const article = articles.find((candidate) => candidate.articleId === result.articleId)!;
  expect(article.text.slice(result.start, result.end)).toBe(result.passage);
}

function check(exact: string, options?: { sourceArticleId?: string }, articleId = blames.articleId) {
  const [checked] = checkQuotes([{ annotationId: 'a1', articleId, exact }], articles, options);
  expect(checked!.annotationId).toBe('a1');
  return checked!.result;
}

describe('checkQuotes on the seed articles', () => {
  it.each([
    ['the words inside the quotation marks', IG_INSIDE_QUOTES],
    ['the whole sentence with its attribution', IG_SENTENCE],
  ])('finds the IG sentence reworded in the other article as a near match (%s)', (_, quote) => {
    const result = check(quote);
    expect(result.kind).toBe('near');
    if (result.kind !== 'near') return;
    expect(result.articleId).toBe(drivingForce.articleId);
    expectPassageInPlace(result);
    // The passage is the other article's sentence, not its neighbours.
    expect(result.passage.startsWith('The department’s single-minded focus')).toBe(true);
    expect(result.passage).toContain('and the resulting child separations');
    expect(result.passage).not.toContain('Sessions');
    expect(result.similarity).toBeGreaterThanOrEqual(NEAR_THRESHOLD);
    expect(result.similarity).toBeLessThan(1);
    expect(joined(result.diff, 'quote_only')).toContain('appropriate consideration of the impact');
    expect(joined(result.diff, 'source_only')).toContain('effective implementation of the policy');
    expect(joined(result.diff, 'quote_only')).toContain('We concluded that');
    expect(joined(result.diff, 'quote_only')).toContain('immigration');
    // Case and hyphenation differences are not changes.
    expect(joined(result.diff, 'equal')).toContain('the Department’s single-minded focus on increasing');
    expect(joined(result.diff, 'equal')).toContain('of family unit');
    expect(joined(result.diff, 'equal') + joined(result.diff, 'quote_only')).not.toBe('');
  });

  it('finds a phrase quoted word for word in both articles as an exact match', () => {
    const phrase = 'we should NOT be categorically declining immigration prosecutions of adults in family units';
    const result = check(excerpt(blames, 'we should NOT', 'in family units'));
    expect(result).toMatchObject({ kind: 'exact', articleId: drivingForce.articleId, passage: phrase });
    expect(result.kind === 'exact' && result.normalisedOnly).toBe(false);
    expectPassageInPlace(result);
  });

  it('reports a difference of case or quote style only as exact, after normalisation', () => {
    const result = check('"We need to take away children," Sessions told the Prosecutors', undefined, 'elsewhere');
    expect(result).toMatchObject({
      kind: 'exact',
      articleId: drivingForce.articleId,
      normalisedOnly: true,
      passage: '“We need to take away children,” Sessions told the prosecutors',
      similarity: 1,
    });
    expectPassageInPlace(result);
  });

  it('matches across hyphenation and framing quotation marks, reporting the original passage', () => {
    const result = check('“prosecution of family unit adults.”');
    expect(result).toMatchObject({ kind: 'exact', normalisedOnly: true, passage: 'prosecution of family-unit adults' });
    expectPassageInPlace(result);
  });

  it('does not find an invented sentence', () => {
    const result = check(
      'The inspector general praised the department for reuniting every separated family within a week.',
    );
    expect(result.kind).toBe('not_found');
    expect(result.kind === 'not_found' && result.bestSimilarity).toBeLessThan(NEAR_THRESHOLD);
  });

  it('does not call a same-topic sentence sharing only function words and a name a near match', () => {
    expect(check('about the wellbeing of the children.', undefined, drivingForce.articleId).kind).toBe('not_found');
    expect(check('Sessions declined to participate in the IG investigation.').kind).toBe('not_found');
  });

  it('never finds a quote in the article it was annotated in', () => {
    const quote = 'Sessions declined to participate in the IG investigation.';
    expect(check(quote, undefined, blames.articleId).kind).toBe('not_found');
    expect(check(quote, undefined, drivingForce.articleId)).toMatchObject({ kind: 'exact', articleId: 'blames' });
  });

  it('searches only the chosen source article, and nothing when it is the quote’s own', () => {
    const quote = 'Rosenstein said in a statement.';
    expect(check(quote, undefined, 'other')).toMatchObject({ kind: 'exact', articleId: 'blames' });
    expect(check(quote, { sourceArticleId: drivingForce.articleId }, 'other')).toMatchObject({
      kind: 'exact',
      articleId: drivingForce.articleId,
    });
    expect(check(IG_INSIDE_QUOTES, { sourceArticleId: blames.articleId })).toEqual({
      kind: 'not_found',
      bestSimilarity: 0,
    });
    expect(check(IG_INSIDE_QUOTES, { sourceArticleId: 'missing' }).kind).toBe('not_found');
  });

  it('checks each quote of a batch on its own', () => {
    const results = checkQuotes(
      [
        { annotationId: 'ig', articleId: blames.articleId, exact: IG_INSIDE_QUOTES },
        { annotationId: 'statement', articleId: drivingForce.articleId, exact: 'Rosenstein said in a statement.' },
        { annotationId: 'blank', articleId: blames.articleId, exact: '   ' },
      ],
      articles,
    );
    expect(results.map(({ annotationId, result }) => [annotationId, result.kind])).toEqual([
      ['ig', 'near'],
      ['statement', 'exact'],
      ['blank', 'not_found'],
    ]);
  });
});

describe('findClosestPassage', () => {
  it('only looks for exact matches of quotes under four words', () => {
    expect(findClosestPassage('careful and appropriate', [drivingForce]).kind).toBe('not_found');
    expect(findClosestPassage('careful and effective', [drivingForce])).toMatchObject({ kind: 'exact' });
  });

  it('prefers an occurrence on word boundaries', () => {
    const result = findClosestPassage('unit', [{ articleId: 'x', text: 'family units and one unit' }]);
    expect(result).toMatchObject({ kind: 'exact', start: 21, end: 25 });
  });

  it('handles a very long quote quickly', () => {
    const quote = Array.from({ length: 12 }, () => IG_INSIDE_QUOTES)
      .join(' ')
      .slice(0, 2_000);
    const started = performance.now();
    const result = findClosestPassage(quote.replace(/careful/g, 'thoughtful'), [drivingForce, blames]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.kind).not.toBe('exact');
  });
});
