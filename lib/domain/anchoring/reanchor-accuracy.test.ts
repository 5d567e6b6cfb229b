// Look-alikes and leniency, on the seed article the evidence issue (#12) tried by hand:
// a candidate elsewhere whose context disagrees is refused; intact context admits a larger
// edit inside the quote, and short quotes.
import { describe, expect, it } from 'vitest';
import { describeTextRange } from './describe-text-range';
import { seedArticleText } from './testing/seed-text';
import { reanchorAll } from './reanchor';
import type { AnchorResult } from './types';

const seedText = seedArticleText();
const QUOTE_SENTENCE =
  '“We need to take away children,” Sessions told the prosecutors, according to participants’ notes. ';
const CONCERNED = 'The prosecutors had told Sessions they were “deeply concerned” about the wellbeing of the children.';

function anchorOn(text: string, exact: string, within = '') {
  const start = text.indexOf(exact, within ? text.indexOf(within) : 0);
  expect(start).toBeGreaterThanOrEqual(0);
  return describeTextRange(text, start, start + exact.length);
}

function reanchorOne(edited: string, anchor: ReturnType<typeof anchorOn>): AnchorResult {
  const [result] = reanchorAll(seedText, edited, [anchor]);
  return result!;
}

const words = (text: string, result: AnchorResult) =>
  result.state === 'orphaned' || result.state === 'not_searched' ? null : text.slice(result.start, result.end);

describe('re-anchoring against look-alikes (seed article)', () => {
  it('stays on the edited original rather than jumping to a pull-quote of its old words', () => {
    const anchor = anchorOn(seedText, 'We need to take away children');
    const edited =
      seedText.replace('“We need to take away children,”', '“We need to take away the children,”') +
      '\n\n“We need to take away children.”';
    const result = reanchorOne(edited, anchor);
    expect(result.state).toBe('fuzzy');
    expect(words(edited, result)).toBe('We need to take away the children');
    if (result.state === 'fuzzy') expect(result.start).toBeLessThan(edited.lastIndexOf('\n\n'));
  });

  it('orphans "the children" when its paragraph is deleted, not the same words in the next one', () => {
    const anchor = anchorOn(seedText, 'the children', CONCERNED);
    const edited = seedText.replace(`${CONCERNED}\n\n`, '');
    expect(reanchorOne(edited, anchor)).toEqual({ state: 'orphaned' });
  });

  it('orphans "the prosecutors" when its sentence is deleted, not "The prosecutors" below', () => {
    const anchor = anchorOn(seedText, 'the prosecutors', QUOTE_SENTENCE);
    const edited = seedText.replace(QUOTE_SENTENCE, '');
    expect(edited).not.toBe(seedText);
    expect(reanchorOne(edited, anchor)).toEqual({ state: 'orphaned' });
  });

  it('orphans a quote whose only look-alike elsewhere was already there, even with the same context', () => {
    const sentence = 'The committee met again on Tuesday to review the findings.';
    const base = `Intro.\n\nFirst part. ${sentence} More.\n\nMiddle.\n\nSecond part. ${sentence} More.`;
    const start = base.indexOf('review the findings');
    const anchor = describeTextRange(base, start, start + 'review the findings'.length);
    const edited = base.replace(`First part. ${sentence} More.`, 'First part. More.');
    expect(reanchorAll(base, edited, [anchor])).toEqual([{ state: 'orphaned' }]);
  });
});

describe('re-anchoring leniently where the context is intact (seed article)', () => {
  it('follows "deeply concerned" edited to "very concerned"', () => {
    const anchor = anchorOn(seedText, 'deeply concerned');
    const edited = seedText.replace('deeply concerned', 'very concerned');
    const result = reanchorOne(edited, anchor);
    expect(result.state).toBe('fuzzy');
    expect(words(edited, result)).toBe('very concerned');
  });

  it('follows a short quote whose apostrophe was straightened', () => {
    const anchor = anchorOn(seedText, 'A.G.’s');
    const edited = seedText.replace('A.G.’s', "A.G.'s");
    const result = reanchorOne(edited, anchor);
    expect(result).toMatchObject({ state: 'fuzzy', errors: 1 });
    expect(words(edited, result)).toBe("A.G.'s");
  });

  it('follows a longer quote across the straightened apostrophe', () => {
    const anchor = anchorOn(seedText, 'Per the A.G.’s policy');
    const edited = seedText.replaceAll('’', "'");
    expect(words(edited, reanchorOne(edited, anchor))).toBe("Per the A.G.'s policy");
  });

  it('is exact after an edit elsewhere, and moved when its sentence is reordered', () => {
    const anchor = anchorOn(seedText, 'deeply concerned');
    const shifted = seedText.replace('Top Justice Department officials', 'Senior Justice Department officials');
    expect(reanchorOne(shifted, anchor)).toMatchObject({ state: 'exact' });
    const reordered = seedText.replace(QUOTE_SENTENCE, '').replace(CONCERNED, `${CONCERNED} ${QUOTE_SENTENCE.trim()}`);
    const moved = anchorOn(seedText, 'Sessions told the prosecutors');
    const result = reanchorOne(reordered, moved);
    expect(result.state).toBe('moved');
    expect(words(reordered, result)).toBe('Sessions told the prosecutors');
  });

  it('does not accept a short quote elsewhere on a near miss of its words', () => {
    const anchor = anchorOn(seedText, 'kids', 'If care about kids');
    const edited = seedText.replace('If care about kids, don’t', 'If care about them, don’t');
    expect(words(edited, reanchorOne(edited, anchor))).not.toBe('kids');
  });
});

describe('re-anchoring budget', () => {
  it('reports the rest as not searched (never orphaned) once the search budget is spent', () => {
    const carried = anchorOn(seedText, 'did not matter how young the children were');
    const lost = anchorOn(seedText, 'deeply concerned');
    const edited = seedText.replace('deeply concerned', 'very concerned');
    const [kept, unsearched] = reanchorAll(seedText, edited, [carried, lost], { budget: 0 });
    expect(kept).toMatchObject({ state: 'exact' });
    expect(unsearched).toEqual({ state: 'not_searched' });
  });

  it('reports words that are gone as orphaned while the budget lasts, and as not searched once it is spent', () => {
    const lost = anchorOn(seedText, 'deeply concerned');
    const edited = seedText.replace('deeply concerned', 'quite unbothered');
    expect(reanchorAll(seedText, edited, [lost])).toEqual([{ state: 'orphaned' }]);
    // A budget spent part-way through the search: the search did not look everywhere.
    expect(reanchorAll(seedText, edited, [lost], { budget: 1 })).toEqual([{ state: 'not_searched' }]);
  });
});
