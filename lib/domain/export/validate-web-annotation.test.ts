// Acceptance: our JSON-LD meets the W3C Web Annotation Data Model's required fields and types.
import { describe, expect, it } from 'vitest';
import { toWebAnnotation } from '../annotations/web-annotation';
import { toAnnotationCollectionExport } from './annotation-export';
import { annotations, articles, borderArticle, finding, links, urls } from './testing/review-fixture';
import { validateAnnotation, validateWebAnnotationJson } from './validate-web-annotation';

/** As a consumer receives it: through JSON, so Dates and undefined are gone. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const workspaceExport = overTheWire(
  toAnnotationCollectionExport({
    collectionId: 'https://marginalia.example/api/workspaces/review/export',
    label: 'Review — whole workspace',
    articles,
    annotations,
    links,
    urls,
    generatedAt: new Date('2026-11-23T09:00:00Z'),
  }),
);
const borderIds = new Set(annotations.filter((a) => a.articleId === borderArticle.id).map((a) => a.id));
const articleExport = overTheWire(
  toAnnotationCollectionExport({
    collectionId: `https://marginalia.example/api/articles/${borderArticle.id}/export`,
    label: 'Review — Border policy',
    articles: [borderArticle],
    annotations: annotations.filter((a) => borderIds.has(a.id)),
    links: links.filter((link) => borderIds.has(link.fromAnnotationId) || borderIds.has(link.toAnnotationId)),
    urls,
  }),
);

type Json = Record<string, unknown>;
const annotation = (): Json => overTheWire(toWebAnnotation(finding, urls)) as unknown as Json;
const paths = (errors: { path: string }[]) => errors.map((error) => error.path);

describe('our JSON-LD is valid W3C Web Annotation', () => {
  it('validates the workspace export (annotations, replies, links) with no errors', () => {
    const motivations = new Set(workspaceExport.first!.items.map((item) => item.motivation));
    expect(motivations).toEqual(new Set(['tagging', 'replying', 'linking']));
    expect(validateWebAnnotationJson(workspaceExport)).toEqual([]);
  });

  it('validates an article export, whose links may point into other articles', () => {
    expect(articleExport.first!.items.some((item) => item.motivation === 'linking')).toBe(true);
    expect(validateWebAnnotationJson(articleExport)).toEqual([]);
  });

  it('validates every exported item on its own, as each carries @context', () => {
    for (const item of workspaceExport.first!.items) expect(validateAnnotation(item)).toEqual([]);
  });

  it('validates the single annotation of the API and an export with nothing to list', () => {
    expect(validateWebAnnotationJson(annotation())).toEqual([]);
    const empty = toAnnotationCollectionExport({
      collectionId: 'https://x.example/c',
      label: 'Empty',
      articles,
      annotations: [],
      links: [],
      urls,
    });
    expect(validateWebAnnotationJson(overTheWire(empty))).toEqual([]);
  });
});

describe('hand-broken annotations are caught', () => {
  const broken: [string, (a: Json) => void, string][] = [
    ['missing target', (a) => delete a.target, '$.target'],
    ['empty target list', (a) => (a.target = []), '$.target'],
    ['a motivation outside the W3C list', (a) => (a.motivation = 'highlight'), '$.motivation'],
    ['a body purpose outside the W3C list', (a) => ((a.body as Json[])[0]!.purpose = 'labelling'), '$.body[0].purpose'],
    [
      'start after end',
      (a) => Object.assign(((a.target as Json).selector as Json[])[1]!, { start: 60, end: 40 }),
      '$.target.selector[1]',
    ],
    [
      'a negative start',
      (a) => Object.assign(((a.target as Json).selector as Json[])[1]!, { start: -1 }),
      '$.target.selector[1].start',
    ],
    [
      'a TextQuoteSelector without exact',
      (a) => delete ((a.target as Json).selector as Json[])[0]!.exact,
      '$.target.selector[0].exact',
    ],
    ['created without a timezone', (a) => (a.created = '2026-11-22T10:00:00'), '$.created'],
    ['modified with an offset instead of Z', (a) => (a.modified = '2026-11-22T10:00:00+01:00'), '$.modified'],
    ['created that is not a date', (a) => (a.created = 'yesterday'), '$.created'],
    ['missing @context', (a) => delete a['@context'], '$.@context'],
    ['a @context without the anno context', (a) => (a['@context'] = 'https://schema.org/'), '$.@context'],
    [
      'a single @context given as an array',
      (a) => (a['@context'] = ['http://www.w3.org/ns/anno.jsonld']),
      '$.@context',
    ],
    ['a missing id', (a) => delete a.id, '$.id'],
    ['an id that is not an IRI', (a) => (a.id = 'annotation 1'), '$.id'],
    ['a wrong type', (a) => (a.type = 'Note'), '$.type'],
    ['a TextualBody without a value', (a) => delete (a.body as Json[])[0]!.value, '$.body[0].value'],
    ['a SpecificResource without a source', (a) => (a.body = { type: 'SpecificResource' }), '$.body.source'],
    ['a body that is neither IRI nor object', (a) => (a.body = 42), '$.body'],
    ['a creator without id or type', (a) => (a.creator = { name: 'Ada' }), '$.creator'],
    ['a creator that is not an IRI', (a) => (a.creator = 'Ada'), '$.creator'],
    ['a target source that is not an IRI', (a) => ((a.target as Json).source = 'article 1'), '$.target.source'],
  ];

  it.each(broken)('reports %s', (_name, breakIt, path) => {
    const value = annotation();
    breakIt(value);
    expect(paths(validateWebAnnotationJson(value))).toContain(path);
  });

  it('says what is wrong, not just where', () => {
    const value = annotation();
    value.created = '2026-11-22T10:00:00';
    value.motivation = 'highlight';
    expect(validateWebAnnotationJson(value)).toEqual([
      { path: '$.motivation', message: expect.stringContaining('"highlight" is not a W3C motivation') },
      { path: '$.created', message: expect.stringContaining('timezone') },
    ]);
  });

  it('accepts the forms the model allows: IRI targets, several motivations, bodyValue, refinedBy', () => {
    expect(
      validateWebAnnotationJson({
        '@context': ['http://www.w3.org/ns/anno.jsonld', { ex: 'https://example.org/ns#' }],
        id: 'urn:uuid:6f1c2c66-0e9e-4e4b-9a3a-1f8a8b9a0c11',
        type: ['Annotation', 'ex:Note'],
        motivation: ['commenting', 'tagging'],
        bodyValue: 'A note',
        creator: ['https://example.org/ada', { type: 'Software', name: 'Bot' }],
        target: [
          'https://example.org/page',
          {
            source: { id: 'https://example.org/doc' },
            selector: {
              type: 'FragmentSelector',
              value: 'p=2',
              refinedBy: { type: 'TextPositionSelector', start: 0, end: 0 },
            },
          },
        ],
      }),
    ).toEqual([]);
  });
});

describe('hand-broken collections are caught', () => {
  const collection = (): Json => overTheWire(workspaceExport) as unknown as Json;
  const page = (c: Json) => c.first as Json;

  it.each<[string, (c: Json) => void, string]>([
    ['missing @context', (c) => delete c['@context'], '$.@context'],
    ['a wrong type', (c) => (c.type = 'Collection'), '$.type'],
    ['a negative total', (c) => (c.total = -1), '$.total'],
    ['a total that is not an integer', (c) => (c.total = '3'), '$.total'],
    ['a total that disagrees with the only page', (c) => (c.total = 1), '$.total'],
    ['no first page although annotations are counted', (c) => delete c.first, '$.first'],
    ['a page of the wrong type', (c) => (page(c).type = 'Page'), '$.first.type'],
    ['a page without items', (c) => (page(c).items = []), '$.first.items'],
    ['a page with a negative startIndex', (c) => (page(c).startIndex = -2), '$.first.startIndex'],
    ['an item without a target', (c) => delete (page(c).items as Json[])[2]!.target, '$.first.items[2].target'],
    [
      'an item with a bad motivation',
      (c) => ((page(c).items as Json[])[0]!.motivation = 'flagging'),
      '$.first.items[0].motivation',
    ],
  ])('reports %s', (_name, breakIt, path) => {
    const value = collection();
    breakIt(value);
    expect(paths(validateWebAnnotationJson(value))).toContain(path);
  });

  it('accepts a first page given by IRI', () => {
    const value = collection();
    value.first = 'https://marginalia.example/api/workspaces/review/export?page=1';
    expect(validateWebAnnotationJson(value)).toEqual([]);
  });

  it('refuses JSON that is no Web Annotation document at all', () => {
    expect(paths(validateWebAnnotationJson({ hello: 'world' }))).toEqual(['$.type']);
    expect(paths(validateWebAnnotationJson([1, 2]))).toEqual(['$.type']);
  });
});
