import { describe, expect, it } from 'vitest';
import { freshEvidence } from '../evidence/annotation-evidence';
import { recordToView, webAnnotationToView } from '../annotations/annotation-view';
import { resourceUrls } from './iris';
import { annotationEtag, toWebAnnotation, type AnnotationRecord } from './serialize';
import { ANNO_CONTEXT } from './vocabulary';

const record: AnnotationRecord = {
  id: '01900000-0000-7000-8000-000000000001',
  articleId: '01900000-0000-7000-8000-0000000000a1',
  tag: 'rebuttal',
  note: 'Not in the report',
  quoteExact: 'driving force',
  quotePrefix: 'were a “',
  quoteSuffix: '” behind',
  posStart: 40,
  posEnd: 53,
  anchorState: 'moved',
  status: 'open',
  reviewStatus: 'accepted',
  reviewedAt: new Date('2026-11-22T12:00:00Z'),
  reviewedById: 'user-2',
  assigneeId: 'user-3',
  revisionId: 'rev-2',
  version: 3,
  createdAt: new Date('2026-11-22T10:00:00Z'),
  updatedAt: new Date('2026-11-22T11:00:00Z'),
  author: { id: 'user-1', name: 'Ada' },
  ...freshEvidence(
    { quote: { exact: 'driving force', prefix: 'were a “', suffix: '” behind' }, position: { start: 40, end: 53 } },
    'rev-2',
  ),
};
const urls = resourceUrls('https://marginalia.example');

describe('toWebAnnotation', () => {
  it('produces the W3C Web Annotation shape with tagging and commenting bodies and both selectors', () => {
    const annotation = toWebAnnotation(record, urls);
    expect(annotation).toEqual({
      '@context': [ANNO_CONTEXT, 'https://marginalia.example/ns/marginalia.jsonld'],
      id: 'https://marginalia.example/api/articles/01900000-0000-7000-8000-0000000000a1/annotations/01900000-0000-7000-8000-000000000001',
      type: 'Annotation',
      motivation: 'tagging',
      creator: { id: 'https://marginalia.example/users/user-1', type: 'Person', name: 'Ada' },
      created: '2026-11-22T10:00:00.000Z',
      modified: '2026-11-22T11:00:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'rebuttal' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Not in the report', format: 'text/plain' },
      ],
      target: {
        source: 'https://marginalia.example/api/articles/01900000-0000-7000-8000-0000000000a1',
        selector: [
          { type: 'TextQuoteSelector', exact: 'driving force', prefix: 'were a “', suffix: '” behind' },
          { type: 'TextPositionSelector', start: 40, end: 53 },
        ],
      },
      anchorState: 'moved',
      status: 'open',
      reviewStatus: 'accepted',
      reviewedAt: '2026-11-22T12:00:00.000Z',
      reviewedBy: 'https://marginalia.example/users/user-2',
      assignee: 'https://marginalia.example/users/user-3',
      revision: 'rev-2',
      version: 3,
      asTagged: expect.objectContaining({ type: 'SpecificResource' }),
    });
  });

  it('omits the commenting body without a note and the creator without an author', () => {
    const annotation = toWebAnnotation({ ...record, note: null, author: null }, urls);
    expect(annotation.body).toHaveLength(1);
    expect(annotation).not.toHaveProperty('creator');
  });

  it('serves back what another tool sent beside our selectors, after ours', () => {
    const range = { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[1]' } };
    const annotation = toWebAnnotation(
      { ...record, extraSelectors: [range], canonical: 'urn:uuid:1', via: 'https://hyp.example/a/1' },
      urls,
    );
    expect(annotation.target.selector.map((selector) => selector.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
      'RangeSelector',
    ]);
    expect(annotation).toMatchObject({ canonical: 'urn:uuid:1', via: 'https://hyp.example/a/1' });
  });

  it('changes its ETag with the version and with every rewrite of the row', () => {
    const etag = annotationEtag(record);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(annotationEtag({ ...record, version: 4 })).not.toBe(etag);
    expect(annotationEtag({ ...record, updatedAt: new Date('2026-11-22T11:00:01Z') })).not.toBe(etag);
  });

  it('reads back into the same view as the record gives', () => {
    expect(webAnnotationToView(toWebAnnotation(record, urls))).toEqual(recordToView(record));
  });
});
