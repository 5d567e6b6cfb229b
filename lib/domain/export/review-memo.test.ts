import { describe, expect, it } from 'vitest';
import { buildReviewMemo, type MemoAnnotation, type ReviewMemoInput } from './review-memo';
import {
  annotate,
  annotations,
  articles,
  borderArticle,
  claim,
  finding,
  links,
  listItem,
  orphan,
  outsideAnnotationId,
  rebuttal,
  reportArticle,
  source,
} from './testing/review-fixture';

const evidence = annotate(reportArticle, 'the agency reported', {
  tag: 'evidence',
  note: '<script>alert("kept as text")</script>',
});

const input: ReviewMemoInput = {
  workspaceName: 'Border desk',
  articles,
  annotations: [...annotations, evidence],
  links,
  auditEvents: [
    { id: '3', at: new Date('2026-11-22T12:00:00Z'), actorName: 'Grace', summary: 'marked the Finding as accepted' },
    { id: '1', at: new Date('2026-11-22T10:00:00Z'), actorName: 'Ada', summary: 'tagged “driving force” as Finding' },
    { id: '2', at: new Date('2026-11-22T11:00:00Z'), actorName: null, summary: 'linked two annotations' },
  ],
  generatedAt: new Date('2026-11-23T09:00:00Z'),
  generatedBy: 'Ada Lovelace',
};
const memo = buildReviewMemo(input);
const all = memo.articles.flatMap((article) => article.sections.flatMap((section) => section.annotations));
const memoOf = (id: string) => all.find((annotation) => annotation.id === id) as MemoAnnotation;

describe('buildReviewMemo', () => {
  it('keeps the articles in the given order, each with Findings, Quotes, Rebuttals, then other tags', () => {
    expect(memo.title).toBe('Review memo: Border desk');
    expect(buildReviewMemo({ ...input, articles: [reportArticle] }).title).toBe(`Review memo: ${reportArticle.title}`);
    expect(memo.articles.map((article) => article.title)).toEqual([borderArticle.title, reportArticle.title]);
    expect(memo.articles[0]!.sections.map((section) => section.heading)).toEqual(['Findings', 'Quotes', 'Rebuttals']);
    expect(memo.articles[1]!.sections.map((section) => [section.heading, section.annotations.length])).toEqual([
      ['Findings', 0],
      ['Quotes', 1],
      ['Rebuttals', 0],
      ['Evidence', 1],
    ]);
  });

  it('lists each section in document order', () => {
    const findings = memo.articles[0]!.sections[0]!.annotations;
    expect(findings.map((annotation) => annotation.id)).toEqual(
      [orphan, finding, listItem].map((annotation) => annotation.id),
    );
  });

  it('gives each annotation its quote, note, people, verdict and anchor, flagging orphans', () => {
    expect(memoOf(finding.id)).toMatchObject({
      anchorId: `annotation-${finding.id}`,
      tagLabel: 'Finding',
      quote: 'driving force',
      note: finding.note,
      author: 'Ada Lovelace',
      createdAt: finding.createdAt,
      reviewStatus: 'accepted',
      reviewStatusLabel: 'Accepted',
      reviewedAt: finding.reviewedAt,
      threadStatus: 'open',
      assignee: 'Grace "Amazing" Hopper',
      anchorLabel: 'Anchored',
      orphaned: false,
    });
    expect(memoOf(orphan.id)).toMatchObject({ orphaned: true, anchorLabel: expect.stringMatching(/^Orphaned/) });
    expect(memo.articles[0]).toMatchObject({ annotationCount: 5, orphanedCount: 1 });
  });

  it('shows the thread in order, with deleted comments as "comment deleted"', () => {
    const [first, deleted, answer] = finding.comments;
    expect(memoOf(finding.id).thread).toEqual([
      {
        id: first!.id,
        parentId: null,
        author: first!.author!.name,
        createdAt: first!.createdAt,
        editedAt: first!.editedAt,
        deleted: false,
        body: 'Transcript agrees.',
      },
      {
        id: deleted!.id,
        parentId: null,
        author: null,
        createdAt: deleted!.createdAt,
        editedAt: null,
        deleted: true,
        body: 'comment deleted',
      },
      expect.objectContaining({ id: answer!.id, parentId: deleted!.id, body: 'Replying to the deleted one.' }),
    ]);
  });

  it('words links in both directions, across articles, and when the far end is outside the memo', () => {
    expect(memoOf(finding.id).links.map((link) => link.text)).toEqual([
      `← rebutted by “driving force” (${borderArticle.title})`,
      `← supported by “Separations rose sharply in 2018” (${reportArticle.title})`,
      'This finding contradicts → an annotation not in this memo',
    ]);
    expect(memoOf(rebuttal.id).links).toEqual([
      expect.objectContaining({
        type: 'rebuts',
        direction: 'outgoing',
        label: 'rebuts',
        text: `This rebuttal rebuts → “driving force” (${borderArticle.title})`,
        other: expect.objectContaining({ id: finding.id, anchorId: `annotation-${finding.id}`, tagLabel: 'Finding' }),
        createdBy: 'Grace "Amazing" Hopper',
      }),
    ]);
    expect(memoOf(claim.id).links[0]!.text).toBe(
      `This quote quotes source → “Separations rose sharply in 2018” (${reportArticle.title})`,
    );
    expect(memoOf(source.id).links.map((link) => link.label)).toEqual(['supports', 'source quoted by']);
  });

  it('names the far end of a link leaving the memo when told about it', () => {
    const named = buildReviewMemo({
      ...input,
      articles: [borderArticle],
      linkedAnnotations: [
        {
          id: outsideAnnotationId,
          tag: 'rebuttal',
          quoteExact: 'no such policy',
          articleId: 'elsewhere',
          articleTitle: 'Elsewhere',
        },
      ],
    });
    const links = named.articles[0]!.sections[0]!.annotations.find((a) => a.id === finding.id)!.links;
    expect(links.map((link) => link.text)).toEqual([
      `← rebutted by “driving force” (${borderArticle.title})`,
      '← supported by an annotation not in this memo',
      'This finding contradicts → “no such policy” (Elsewhere)',
    ]);
    expect(links[2]!.other).toMatchObject({ anchorId: null, tagLabel: 'Rebuttal' });
    expect(named.summary.annotations).toBe(5);
  });

  it('sums up tags, verdicts, open threads and orphans', () => {
    expect(memo.summary).toEqual({
      articles: 2,
      annotations: 7,
      byTag: [
        { tag: 'finding', label: 'Finding', count: 3 },
        { tag: 'quote', label: 'Quote', count: 2 },
        { tag: 'rebuttal', label: 'Rebuttal', count: 1 },
        { tag: 'evidence', label: 'evidence', count: 1 },
      ],
      byReviewStatus: [
        { status: 'open', label: 'Open', count: 5 },
        { status: 'accepted', label: 'Accepted', count: 1 },
        { status: 'rejected', label: 'Rejected', count: 1 },
      ],
      openThreads: 2,
      orphaned: 1,
      onEarlierWording: 0,
    });
  });

  it('appends the audit events oldest first', () => {
    expect(memo.appendix.map((event) => event.id)).toEqual(['1', '2', '3']);
    expect(memo.appendix[1]).toEqual(input.auditEvents[2]);
    expect(memo.appendixTruncated).toBe(false);
    expect(buildReviewMemo({ ...input, auditTruncated: true }).appendixTruncated).toBe(true);
  });

  it('carries user text as plain text, never as markup', () => {
    expect(memoOf(evidence.id).note).toBe('<script>alert("kept as text")</script>');
    expect(memo.generatedBy).toBe('Ada Lovelace');
  });
});
