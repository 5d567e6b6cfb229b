import { describe, expect, it } from 'vitest';
import { annotationCsvRows, annotationsToCsv } from '../export/annotations-csv';
import { buildReviewMemo } from '../export/review-memo';
import { annotate, articles, borderArticle } from '../export/testing/review-fixture';

// "did not matter how young the children were" tagged, accepted, then "children" edited to "kids".
const tagged = annotate(borderArticle, 'Families were separated', {
  reviewStatus: 'accepted',
  reviewedAt: new Date('2026-11-22T12:00:00Z'),
});
const changed = { ...tagged, quoteExact: 'Families were kept apart', anchorState: 'changed' as const };

describe('the memo and CSV show the words as tagged beside the words now', () => {
  it('memo: the tagged quote, the word diff and the verdict on earlier wording', () => {
    const memo = buildReviewMemo({
      workspaceName: 'Desk',
      articles,
      annotations: [changed],
      links: [],
      auditEvents: [],
      generatedAt: new Date(),
      generatedBy: 'Ada',
    });
    const entry = memo.articles[0]!.sections.flatMap((section) => section.annotations)[0]!;
    expect(entry.quote).toBe('Families were separated');
    expect(entry.currentQuote).toBe('Families were kept apart');
    expect(entry.wordsDiff).toEqual([
      { kind: 'equal', text: 'Families were ' },
      { kind: 'quote_only', text: 'separated' },
      { kind: 'source_only', text: 'kept apart' },
    ]);
    expect(entry.reviewStatusLabel).toBe('Accepted on earlier wording');
    expect(memo.summary.onEarlierWording).toBe(1);
  });

  it('CSV: quote as tagged, quote now, the change in plain text and the verdict', () => {
    const csv = annotationsToCsv(annotationCsvRows(articles, [changed]));
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(',Families were separated,');
    expect(row).toContain(
      'Families were kept apart,Families were [-separated-]{+kept apart+},Accepted on earlier wording',
    );
  });

  it('an unchanged annotation shows one quote and a plain verdict', () => {
    const csv = annotationsToCsv(annotationCsvRows(articles, [tagged]));
    expect(csv.split('\r\n')[1]!).toMatch(/,,,Accepted,1,¶ \d+$/);
  });
});
