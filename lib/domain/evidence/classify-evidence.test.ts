import { describe, expect, it } from 'vitest';
import { classifyEvidence, sameContext } from './classify-evidence';
import { onEarlierWording, queueStatus, verdictLabel, wordsDiff, diffToPlainText } from './annotation-evidence';
import { isOnCurrentText } from './evidence-state';
import { countStates, judgeReanchored } from './judge-reanchored';

const baseline = {
  exact: 'how young the children were',
  prefix: 'Sessions said it did not matter ',
  suffix: ', according to the report. The',
};

describe('classifyEvidence', () => {
  it('the same words in the same context are exact, whatever the offset', () => {
    expect(classifyEvidence({ baseline, previous: 'exact', current: { ...baseline } })).toBe('exact');
  });

  it('an edit beyond the near context does not make it moved', () => {
    const current = { ...baseline, prefix: 'Rosenstein said it did not matter ', suffix: ', according to the IG. The' };
    expect(sameContext(baseline, current)).toBe(true);
    expect(classifyEvidence({ baseline, previous: 'exact', current })).toBe('exact');
  });

  it('the same words beside other neighbours are moved', () => {
    const current = { ...baseline, prefix: 'The pull-quote read: ', suffix: '.' };
    expect(classifyEvidence({ baseline, previous: 'exact', current })).toBe('moved');
  });

  it('other words are changed, and stay changed even when the old words come back', () => {
    const kids = { ...baseline, exact: 'how young the kids were' };
    expect(classifyEvidence({ baseline, previous: 'exact', current: kids })).toBe('changed');
    expect(classifyEvidence({ baseline, previous: 'changed', current: { ...baseline } })).toBe('changed');
  });

  it('nothing found is orphaned', () => {
    expect(classifyEvidence({ baseline, previous: 'changed', current: null })).toBe('orphaned');
  });

  it('judges the engine answer against the words as tagged, mapping its fuzzy to changed', () => {
    const text = `Sessions said it did not matter how young the kids were, according to the report.`;
    const start = text.indexOf('how young');
    const end = text.indexOf(', according');
    const subject = { id: 'a', baseline, previous: 'exact' as const };
    expect(judgeReanchored(text, subject, { state: 'fuzzy', start, end, errors: 8 })).toMatchObject({
      state: 'changed',
      quote: { exact: 'how young the kids were' },
    });
    // The engine calling it "exact" does not make different words exact.
    expect(judgeReanchored(text, subject, { state: 'exact', start, end }).state).toBe('changed');
    expect(judgeReanchored(text, subject, { state: 'orphaned' })).toEqual({ id: 'a', state: 'orphaned' });
  });

  it('a passage the budget did not reach is not searched, never orphaned, and keeps no new place', () => {
    const subject = { id: 'a', baseline, previous: 'changed' as const };
    expect(judgeReanchored('any text', subject, { state: 'not_searched' })).toEqual({ id: 'a', state: 'not_searched' });
    expect(isOnCurrentText('not_searched')).toBe(false);
    expect(isOnCurrentText('orphaned')).toBe(false);
    expect(isOnCurrentText('moved')).toBe(true);
    expect(countStates([{ state: 'not_searched' }, { state: 'orphaned' }, { state: 'not_searched' }])).toMatchObject({
      not_searched: 2,
      orphaned: 1,
    });
  });
});

describe('verdicts follow the words', () => {
  it('an accepted annotation whose words changed is on earlier wording and back in the open queue', () => {
    expect(onEarlierWording('accepted', 'changed')).toBe(true);
    expect(verdictLabel('accepted', 'changed')).toBe('Accepted on earlier wording');
    expect(queueStatus('rejected', 'changed')).toBe('open');
    expect(queueStatus('accepted', 'orphaned')).toBe('accepted');
    expect(queueStatus('accepted', 'moved')).toBe('accepted');
    expect(verdictLabel('open', 'changed')).toBe('Open');
  });

  it('diffs words and renders the diff as plain text', () => {
    const diff = wordsDiff('how young the children were', 'how young the kids were')!;
    expect(diffToPlainText(diff)).toBe('how young the [-children -]{+kids +}were');
    expect(wordsDiff('same', 'same')).toBeNull();
  });
});
