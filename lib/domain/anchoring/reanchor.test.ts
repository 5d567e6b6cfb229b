import { describe, expect, it } from 'vitest';
import { describeTextRange } from './describe-text-range';
import { seedArticleText } from './testing/seed-text';
import { reanchor, reanchorAll } from './reanchor';

const seedText = seedArticleText();
const QUOTE = 'We need to take away children';

function anchorOn(text: string, exact: string, from = 0) {
  const start = text.indexOf(exact, from);
  expect(start).toBeGreaterThanOrEqual(0);
  return describeTextRange(text, start, start + exact.length);
}

describe('describeTextRange', () => {
  it('keeps 32 characters of context on each side', () => {
    const anchor = anchorOn(seedText, QUOTE);
    expect(anchor.quote.exact).toBe(QUOTE);
    expect(anchor.quote.prefix).toHaveLength(32);
    expect(anchor.quote.prefix.endsWith('children.\n\n“')).toBe(true);
    expect(anchor.quote.suffix.startsWith(',” Sessions told')).toBe(true);
  });

  it('refuses empty, reversed and out-of-range ranges', () => {
    expect(() => describeTextRange('abc', 1, 1)).toThrow();
    expect(() => describeTextRange('abc', 2, 1)).toThrow();
    expect(() => describeTextRange('abc', 0, 4)).toThrow();
    expect(() => describeTextRange('abc', -1, 2)).toThrow();
  });
});

describe('reanchor', () => {
  const anchor = anchorOn(seedText, QUOTE);

  it('is exact when the text did not change', () => {
    expect(reanchorAll(seedText, seedText, [anchor])).toEqual([{ state: 'exact', ...anchor.position }]);
  });

  it('stays exact, at the shifted offset, when the paragraph before changes', () => {
    const edited = seedText.replace(
      'when they “recoiled” at an order',
      'when they “recoiled” in March 2018 at an order',
    );
    const [result] = reanchorAll(seedText, edited, [anchor]);
    expect(result).toMatchObject({ state: 'exact' });
    if (result?.state !== 'exact') throw new Error('not exact');
    expect(edited.slice(result.start, result.end)).toBe(QUOTE);
    expect(result.start).toBe(anchor.position.start + ' in March 2018'.length);
  });

  it('follows a paragraph moved to the end of the article', () => {
    const paragraphs = seedText.split('\n\n');
    const moved = paragraphs.findIndex((paragraph) => paragraph.includes(QUOTE));
    const reordered = [...paragraphs.slice(0, moved), ...paragraphs.slice(moved + 1), paragraphs[moved]!].join('\n\n');
    const [result] = reanchorAll(seedText, reordered, [anchor]);
    expect(result?.state).toBe('moved');
    if (result?.state !== 'moved') throw new Error('not moved');
    expect(reordered.slice(result.start, result.end)).toBe(QUOTE);
  });

  it('is fuzzy when a word inside the quote was corrected, and says how far it is', () => {
    const long = anchorOn(seedText, 'did not matter how young the children were');
    const edited = seedText.replace(
      'did not matter how young the children were',
      'did not matter how young the kids were',
    );
    const [result] = reanchorAll(seedText, edited, [long]);
    expect(result).toMatchObject({ state: 'fuzzy' });
    if (result?.state !== 'fuzzy') throw new Error('not fuzzy');
    expect(edited.slice(result.start, result.end)).toBe('did not matter how young the kids were');
    expect(result.errors).toBeGreaterThan(0);
  });

  it('orphans the annotation when its sentence is deleted, rather than guessing', () => {
    const paragraphs = seedText.split('\n\n').filter((paragraph) => !paragraph.includes(QUOTE));
    const edited = paragraphs.join('\n\n');
    expect(reanchorAll(seedText, edited, [anchor])).toEqual([{ state: 'orphaned' }]);
  });

  it('prefers the occurrence whose context matches when the quote repeats', () => {
    const text = 'alpha said the cat sat. beta said the cat sat. gamma said the cat sat.';
    const second = describeTextRange(text, text.indexOf('the cat sat', 25), text.indexOf('the cat sat', 25) + 11);
    const edited = 'intro. ' + text.replace('alpha said', 'alpha also said');
    const result = reanchor(edited, second);
    expect(result.state).toBe('moved');
    if (result.state !== 'moved') throw new Error('not moved');
    expect(edited.slice(result.start - 'beta said '.length, result.end)).toBe('beta said the cat sat');
  });

  it('does not fuzzy-match a short quote whose words were replaced', () => {
    const text = 'The DOJ disputed the report.';
    const short = describeTextRange(text, 4, 7);
    expect(reanchor('The FBI disputed the report.', short)).toEqual({ state: 'orphaned' });
  });

  it('handles non-ASCII, curly quotes and emoji offsets', () => {
    const text = 'Zürich café — “naïve” 🙂 quotes’ and more text here.';
    const target = describeTextRange(
      text,
      text.indexOf('“naïve” 🙂'),
      text.indexOf('“naïve” 🙂') + '“naïve” 🙂'.length,
    );
    const edited = '🙂🙂 ' + text.replace('café', 'bistro');
    const result = reanchor(edited, target);
    expect(result.state).toBe('moved');
    if (result.state !== 'moved') throw new Error('not moved');
    expect(edited.slice(result.start, result.end)).toBe('“naïve” 🙂');
  });

  // The counterexample of the property test's unseeded run (fast-check seed -1209163772, shrunk):
  // the annotated paragraph is edited and moved to the top, so no block diff recognises it, and
  // the old place now holds "children “quoted” prosecutors": two letters short of the quote,
  // close to where it stood, with context that does not agree. The words themselves are intact
  // at the top, with their context.
  it('follows words moved in an edited paragraph rather than taking look-alikes by the old place', () => {
    const paragraphs = [
      'prosecutors “quoted” Sessions policy a naïve children policy.',
      'policy and said. policy report café said naïve the café “quoted” DOJ children and the. DOJ a policy — and prosecutors café prosecutors policy. report report policy and a café.',
      'said “quoted” children and naïve. policy policy — report DOJ.',
      '“quoted” policy prosecutors prosecutors said — report Sessions the the naïve — prosecutors. a café children café “quoted” Sessions the said café café — and. — café said Sessions DOJ. “quoted” DOJ said prosecutors the “quoted” naïve.',
      '— report naïve and report policy policy. and café “quoted” Sessions “quoted” and —. children “quoted” prosecutors prosecutors.',
      'café “quoted” naïve DOJ “quoted” prosecutors children. “quoted” the Sessions naïve a café. and “quoted” “quoted” DOJ and a.',
    ];
    const before = paragraphs.join('\n\n');
    const [p0, p1, p2, p3, p4, annotated] = paragraphs as [string, string, string, string, string, string];
    const after = [annotated.replace('ca', ' '), p0, p1, p2, p3 + '\nthe the the.\n' + p4].join('\n\n');
    const anchor = anchorOn(before, 'OJ “quoted” prosecut', before.indexOf(annotated));
    const [result] = reanchorAll(before, after, [anchor]);
    expect(result).toMatchObject({ state: 'moved', start: after.indexOf('OJ “quoted” prosecut') });
  });

  // A second counterexample of an unseeded run (seed -1509713405, shrunk): the annotated paragraph
  // is deleted and a sentence with some of its words is pasted into the only other one, so no
  // block survives and the old offset is a guess; the look-alike beside it is not the words.
  it('orphans words whose paragraph was deleted rather than taking a look-alike by a guessed place', () => {
    const annotated =
      'nd a said a Sessions — report policy DOJ said prosecutors said the. report and prosecutors prosecutors — naïve — Sessions prosecutors.';
    const other =
      'DOJ — and a children café and naïve and children the prosecutors —. café prosecutors café policy and the DOJ children the — children a “quoted” DOJ. the DOJ and said naïve a report the — policy.';
    const before = [annotated, other].join('\n\n');
    const after = other.replace('café prosecutors', 'café prosecuthe the Sessions prosecutors the the the.tors');
    const anchor = anchorOn(before, 've — Sessions prosec');
    expect(reanchorAll(before, after, [anchor])).toEqual([{ state: 'orphaned' }]);
  });
});
