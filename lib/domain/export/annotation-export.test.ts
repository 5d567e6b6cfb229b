import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT } from '../annotations/web-annotation';
import { EXPORT_CONTEXT, toAnnotationCollectionExport } from './annotation-export';
import { w3cMustFailures } from '../web-annotation/testing/w3c-model-tests';
import {
  annotate,
  annotations,
  article,
  articles,
  borderArticle,
  finding,
  links,
  rebuttal,
  urls,
} from './testing/review-fixture';

const collectionId = 'https://marginalia.example/api/workspaces/review/export.jsonld';
const exported = toAnnotationCollectionExport({
  collectionId,
  label: 'Review',
  articles,
  annotations,
  links,
  urls,
  generatedAt: new Date('2026-11-23T09:00:00Z'),
});
const items = exported.first?.items ?? [];

describe('toAnnotationCollectionExport', () => {
  it('lists tagging annotations, then replies, then links, and counts them all', () => {
    const motivations = items.map((item) => item.motivation);
    const replies = annotations.reduce((sum, annotation) => sum + annotation.comments.length, 0);
    expect(motivations).toEqual([
      ...annotations.map(() => 'tagging'),
      ...Array(replies).fill('replying'),
      ...links.map(() => 'linking'),
    ]);
    expect(exported.total).toBe(items.length);
    expect(exported['@context']).toBe(EXPORT_CONTEXT);
    expect(exported.first).toMatchObject({ id: `${collectionId}#page1`, partOf: { id: collectionId }, startIndex: 0 });
    expect(exported.generated).toBe('2026-11-23T09:00:00.000Z');
  });

  it('embeds each article with its document, so the export can be imported elsewhere', () => {
    expect(exported.sources[0]).toEqual({
      id: urls.article(borderArticle.id),
      type: 'Text',
      title: 'Border policy, explained',
      byline: 'By Jane Doe',
      sourceUrl: 'https://news.example/border',
      publishedAt: '2026-11-01',
      doc: borderArticle.doc,
    });
    expect(exported.sources).toHaveLength(2);
  });

  it('keeps the per-annotation shape of the API, with the assignee named', () => {
    const item = items[1];
    expect(item).toMatchObject({
      '@context': ANNO_CONTEXT,
      id: urls.annotation(finding.articleId, finding.id),
      target: {
        source: urls.article(borderArticle.id),
        selector: [
          { type: 'TextQuoteSelector', exact: 'driving force' },
          { type: 'TextPositionSelector', start: finding.posStart, end: finding.posEnd },
        ],
      },
      reviewStatus: 'accepted',
      assignee: { id: urls.user(finding.assignee!.id), type: 'Person', name: finding.assignee!.name },
    });
  });

  it('exports comments as replies to the annotation; a deleted one keeps its place, emptied', () => {
    const replies = items.filter(
      (item) => item.motivation === 'replying' && item.target === urls.annotation(finding.articleId, finding.id),
    );
    const [first, deleted, answer] = finding.comments;
    expect(replies).toEqual([
      {
        '@context': ANNO_CONTEXT,
        id: urls.comment(first!.id),
        type: 'Annotation',
        motivation: 'replying',
        creator: { id: urls.user(first!.author!.id), type: 'Person', name: first!.author!.name },
        created: first!.createdAt.toISOString(),
        modified: first!.editedAt!.toISOString(),
        body: { type: 'TextualBody', value: 'Transcript agrees.', format: 'text/plain' },
        target: urls.annotation(finding.articleId, finding.id),
      },
      {
        '@context': ANNO_CONTEXT,
        id: urls.comment(deleted!.id),
        type: 'Annotation',
        motivation: 'replying',
        created: deleted!.createdAt.toISOString(),
        modified: deleted!.deletedAt!.toISOString(),
        body: { type: 'TextualBody', value: '', format: 'text/plain' },
        target: urls.annotation(finding.articleId, finding.id),
        deletedAt: deleted!.deletedAt!.toISOString(),
      },
      expect.objectContaining({ id: urls.comment(answer!.id), inReplyTo: urls.comment(deleted!.id) }),
    ]);
  });

  it('exports links as linking annotations from one annotation to another', () => {
    expect(items.find((item) => item.id === urls.link(links[0]!.id))).toEqual({
      '@context': ANNO_CONTEXT,
      id: urls.link(links[0]!.id),
      type: 'Annotation',
      motivation: 'linking',
      creator: expect.objectContaining({ type: 'Person' }),
      created: links[0]!.createdAt.toISOString(),
      body: [
        { type: 'SpecificResource', source: urls.annotation(finding.articleId, finding.id), purpose: 'linking' },
        { type: 'TextualBody', purpose: 'tagging', value: 'rebuts' },
      ],
      target: urls.annotation(rebuttal.articleId, rebuttal.id),
    });
  });

  it('leaves out the page when there is nothing to list, as a page needs an item', () => {
    const empty = toAnnotationCollectionExport({
      collectionId: 'https://x.example/c#all',
      label: 'Empty',
      articles: [borderArticle],
      annotations: [],
      links: [],
      urls,
    });
    expect(empty).not.toHaveProperty('first');
    expect(empty.total).toBe(0);
    expect(empty.sources).toHaveLength(1);
  });
});

describe('PDF pages in the export', () => {
  const pdf = article('01900000-0000-7000-8000-00000000b0f1', 'Deposition', {
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { page: 11 }, content: [{ type: 'text', text: 'The witness was sworn in.' }] },
      { type: 'paragraph', attrs: { page: 12 }, content: [{ type: 'text', text: 'I saw the memo in May.' }] },
    ],
  });
  const onPage12 = annotate(pdf, 'the memo', {
    extraSelectors: [{ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' }],
  });
  const item = toAnnotationCollectionExport({
    collectionId,
    label: 'PDF',
    articles: [pdf, borderArticle],
    annotations: [onPage12, finding],
    links: [],
    urls,
  }).first!.items;

  it('gives a passage of a PDF its page as an RFC 8118 fragment beside the text selectors, replacing a stale one', () => {
    const selectors = (item[0] as { target: { selector: { type: string; value?: string }[] } }).target.selector;
    expect(selectors.map((selector) => selector.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
      'FragmentSelector',
    ]);
    expect(selectors[2]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=12',
    });
    expect(w3cMustFailures('annotation', item[0])).toEqual([]);
  });

  it('adds no page to an article that did not come from a PDF', () => {
    const selectors = (item[1] as { target: { selector: { type: string }[] } }).target.selector;
    expect(selectors.some((selector) => selector.type === 'FragmentSelector')).toBe(false);
  });
});
