import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { toWebAnnotation } from '../annotations/web-annotation';
import { docToPlainText } from '../document/article-doc';
import { toAnnotationCollectionExport, type ExportAnnotation } from '../export/annotation-export';
import {
  annotations,
  articles,
  borderArticle,
  claim,
  finding,
  links,
  orphan,
  rebuttal,
  reportArticle,
  source,
  urls,
} from '../export/testing/review-fixture';
import { parseAnnotationImport } from './web-annotation-import';

type Json = Record<string, unknown>;

const exportOf = (options: { annotations?: ExportAnnotation[]; articles?: typeof articles } = {}) =>
  toAnnotationCollectionExport({
    collectionId: 'https://marginalia.example/api/workspaces/review/export',
    label: 'Review',
    articles: options.articles ?? articles,
    annotations: options.annotations ?? annotations,
    links,
    urls,
  });

/** The file as an import receives it. */
const file = (value: unknown = exportOf()): Json => JSON.parse(JSON.stringify(value)) as Json;
const itemsOf = (collection: Json) => (collection.first as { items: Json[] }).items;

function expectInvalid(run: () => unknown, message: string | RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    expect((error as AppError).userMessage).toMatch(message);
    return;
  }
  throw new Error('Expected the import to be refused.');
}

describe('parseAnnotationImport: our own export', () => {
  const parsed = parseAnnotationImport(file());
  const byRef = new Map(parsed.annotations.map((annotation) => [annotation.ref, annotation]));

  it('recreates every annotation on the same words of its embedded document', () => {
    expect(parsed.annotations).toHaveLength(annotations.length);
    for (const imported of parsed.annotations) {
      if (imported.anchorState === 'orphaned') continue;
      const doc = parsed.sources.find((candidate) => candidate.ref === imported.sourceRef)!.doc;
      expect(docToPlainText(doc).slice(imported.position!.start, imported.position!.end)).toBe(imported.quote.exact);
    }
  });

  it('keeps each annotation at its exported position, even where its words occur twice', () => {
    for (const original of annotations.filter((annotation) => annotation !== orphan)) {
      const imported = byRef.get(urls.annotation(original.articleId, original.id))!;
      expect(imported).toMatchObject({
        sourceRef: urls.article(original.articleId),
        tag: original.tag,
        note: original.note,
        quote: { exact: original.quoteExact, prefix: original.quotePrefix, suffix: original.quoteSuffix },
        position: { start: original.posStart, end: original.posEnd },
        anchorState: 'exact',
        creatorName: original.author?.name ?? null,
        created: original.createdAt,
        status: original.status,
        reviewStatus: original.reviewStatus,
      });
    }
    expect(byRef.get(urls.annotation(rebuttal.articleId, rebuttal.id))!.position!.start).toBeGreaterThan(
      finding.posStart,
    );
  });

  it('reports an annotation whose words are gone as orphaned, with no position', () => {
    expect(byRef.get(urls.annotation(orphan.articleId, orphan.id))).toMatchObject({
      position: null,
      selectorPosition: { start: orphan.posStart, end: orphan.posEnd },
      anchorState: 'orphaned',
    });
  });

  it('reads back the articles with their details and documents', () => {
    expect(parsed.label).toBe('Review');
    expect(parsed.sources).toEqual([
      {
        ref: urls.article(borderArticle.id),
        title: 'Border policy, explained',
        byline: 'By Jane Doe',
        sourceUrl: 'https://news.example/border',
        publishedAt: new Date('2026-11-01T00:00:00Z'),
        doc: borderArticle.doc,
        text: borderArticle.text,
      },
      {
        ref: urls.article(reportArticle.id),
        title: 'Agency report',
        byline: null,
        sourceUrl: null,
        publishedAt: null,
        doc: reportArticle.doc,
        text: reportArticle.text,
      },
    ]);
  });

  it('reads threads back, with deleted comments and what each reply answers', () => {
    const [first, deleted, answer] = finding.comments;
    const thread = parsed.replies.filter(
      (reply) => reply.annotationRef === urls.annotation(finding.articleId, finding.id),
    );
    expect(thread).toEqual([
      {
        ref: urls.comment(first!.id),
        annotationRef: urls.annotation(finding.articleId, finding.id),
        parentRef: null,
        body: 'Transcript agrees.',
        deleted: false,
        creatorName: first!.author!.name,
        created: first!.createdAt,
      },
      expect.objectContaining({ ref: urls.comment(deleted!.id), body: '', deleted: true, creatorName: null }),
      expect.objectContaining({ ref: urls.comment(answer!.id), parentRef: urls.comment(deleted!.id) }),
    ]);
    expect(parsed.replies).toHaveLength(4);
  });

  it('reads links back and leaves out the one whose far end is not in the file', () => {
    expect(parsed.links).toEqual([
      expect.objectContaining({
        type: 'rebuts',
        fromRef: urls.annotation(rebuttal.articleId, rebuttal.id),
        toRef: urls.annotation(finding.articleId, finding.id),
      }),
      expect.objectContaining({ type: 'supports', fromRef: urls.annotation(source.articleId, source.id) }),
      expect.objectContaining({
        type: 'quotes_source',
        fromRef: urls.annotation(claim.articleId, claim.id),
        creatorName: null,
      }),
    ]);
    expect(parsed.warnings).toEqual([expect.stringContaining('"contradicts" link')]);
  });

  it('finds the words again when the position selector is off', () => {
    const value = file();
    const selectors = (itemsOf(value)[0]!.target as { selector: Json[] }).selector;
    selectors[1] = { type: 'TextPositionSelector', start: 100, end: 129 };
    const imported = parseAnnotationImport(value).annotations[0]!;
    expect(imported).toMatchObject({ anchorState: 'moved', position: { start: claim.posStart, end: claim.posEnd } });
  });
});

describe('parseAnnotationImport: privileged notes', () => {
  it('keeps the privilege mark of our own export, with its basis', () => {
    const marked = { ...finding, privilegedAt: new Date('2026-12-01T10:00:00Z'), privilegeBasis: 'attorney-client' };
    const parsed = parseAnnotationImport(file(exportOf({ annotations: [marked, rebuttal] })));
    expect(parsed.annotations.map((annotation) => annotation.privilegeBasis)).toEqual(['attorney-client', null]);
  });

  it('fails closed: any value marks it privileged, and a basis is made one short line', () => {
    const basisOf = (value: unknown) => {
      const annotation = itemsOf(file())[0]!;
      annotation.privilegeBasis = value;
      return parseAnnotationImport(annotation).annotations[0]!.privilegeBasis;
    };
    expect(basisOf('')).toBe('');
    expect(basisOf(42)).toBe('');
    expect(basisOf({ basis: 'x' })).toBe('');
    expect(basisOf(' work\nproduct\u0000 ')).toBe('work product');
    expect(basisOf('x'.repeat(500))).toHaveLength(200);
    expect(basisOf(null)).toBeNull();
  });
});

describe('parseAnnotationImport: other shapes', () => {
  const bare = [toWebAnnotation(finding, urls), toWebAnnotation(claim, urls)];

  it('takes a bare list of annotations, leaving positions unchecked without documents', () => {
    const parsed = parseAnnotationImport(file(bare));
    expect(parsed.sources).toEqual([]);
    expect(parsed.annotations.map((annotation) => [annotation.tag, annotation.anchorState])).toEqual([
      ['finding', 'unchecked'],
      ['quote', 'unchecked'],
    ]);
    expect(parsed.annotations[0]!.position).toEqual({ start: finding.posStart, end: finding.posEnd });
  });

  it('takes a single Annotation and a single AnnotationPage', () => {
    expect(parseAnnotationImport(file(bare[0])).annotations).toHaveLength(1);
    const page = { type: 'AnnotationPage', id: 'https://x.example/p', items: bare };
    expect(parseAnnotationImport(file(page)).annotations).toHaveLength(2);
  });

  it('reads tags whatever their case, notes from bodyValue, and ignores extension values it does not know', () => {
    const annotation = file(bare[1]);
    annotation.body = [{ type: 'TextualBody', purpose: 'tagging', value: ' Rebuttal ' }];
    annotation.bodyValue = 'From bodyValue';
    annotation.status = 'published';
    expect(parseAnnotationImport(annotation).annotations[0]).toMatchObject({
      tag: 'rebuttal',
      note: 'From bodyValue',
      status: null,
      reviewStatus: 'open',
    });
  });

  it('accepts a collection with nothing in it', () => {
    const empty = file(toAnnotationCollectionExport({ ...exportArgs(), annotations: [], links: [] }));
    expect(parseAnnotationImport(empty)).toMatchObject({ annotations: [], replies: [], links: [] });
    expect(parseAnnotationImport(empty).sources).toHaveLength(2);
  });

  it('follows a W3C-style reply chain: a reply to a reply joins the thread', () => {
    const chained = [
      file(bare[0]),
      { type: 'Annotation', id: 'https://x.example/r1', motivation: 'replying', target: bare[0]!.id, bodyValue: 'A' },
      {
        type: 'Annotation',
        id: 'https://x.example/r2',
        motivation: 'replying',
        target: 'https://x.example/r1',
        bodyValue: 'B',
      },
    ];
    expect(parseAnnotationImport(chained).replies.map((reply) => [reply.annotationRef, reply.parentRef])).toEqual([
      [bare[0]!.id, null],
      [bare[0]!.id, 'https://x.example/r1'],
    ]);
  });
});

function exportArgs() {
  return { collectionId: 'https://x.example/c', label: 'x', articles, annotations, links, urls };
}

describe('parseAnnotationImport: refusals say what is wrong', () => {
  it('refuses what is not a Web Annotation file', () => {
    expectInvalid(() => parseAnnotationImport(42), /not a Web Annotation export/);
    expectInvalid(() => parseAnnotationImport('hello'), /not a Web Annotation export/);
    expectInvalid(() => parseAnnotationImport({ type: 'Feed' }), /type must be AnnotationCollection/);
    expectInvalid(() => parseAnnotationImport([1]), 'Annotation 1 is not an object.');
  });

  it('names the annotation without a TextQuoteSelector', () => {
    const value = file();
    const target = itemsOf(value)[2]!.target as Json;
    target.selector = [{ type: 'TextPositionSelector', start: 1, end: 2 }];
    expectInvalid(() => parseAnnotationImport(value), 'Annotation 3 has no TextQuoteSelector.');
  });

  it('names a broken selector and the field', () => {
    const value = file();
    const selectors = (itemsOf(value)[1]!.target as { selector: Json[] }).selector;
    selectors[0]!.exact = '';
    expectInvalid(() => parseAnnotationImport(value), "Annotation 2's TextQuoteSelector: exact is empty.");
    selectors[0]!.exact = 'driving force';
    selectors[1] = { type: 'TextPositionSelector', start: 9, end: 3 };
    expectInvalid(() => parseAnnotationImport(value), /Annotation 2's TextPositionSelector must not end before/);
    selectors[1] = { type: 'TextPositionSelector', start: 1, end: 3_000_000_000 };
    expectInvalid(() => parseAnnotationImport(value), /Annotation 2's TextPositionSelector: end must not be past/);
  });

  it('reads an empty position range (an exported orphan that never had one) as no position', () => {
    const value = file();
    const orphanItem = itemsOf(value).find((item) => item.id === urls.annotation(orphan.articleId, orphan.id))!;
    (orphanItem.target as { selector: Json[] }).selector[1] = { type: 'TextPositionSelector', start: 0, end: 0 };
    const imported = parseAnnotationImport(value).annotations.find(
      (entry) => entry.ref === urls.annotation(orphan.articleId, orphan.id),
    );
    expect(imported).toMatchObject({ position: null, selectorPosition: null, anchorState: 'orphaned' });
  });

  it('refuses tags we do not have, and annotations without one', () => {
    const value = file();
    (itemsOf(value)[0]!.body as Json[])[0]!.value = 'idea';
    expectInvalid(
      () => parseAnnotationImport(value),
      'Annotation 1 is tagged "idea"; the tags are finding, quote, rebuttal.',
    );
    itemsOf(value)[0]!.body = [];
    expectInvalid(() => parseAnnotationImport(value), /Annotation 1 has no tag/);
  });

  it('refuses unknown link types', () => {
    const value = file();
    const link = itemsOf(value).find((item) => item.motivation === 'linking')!;
    (link.body as Json[])[1]!.value = 'refutes';
    expectInvalid(() => parseAnnotationImport(value), /links with type "refutes"; the link types are supports/);
  });

  it('bounds every string and the number of annotations', () => {
    const value = file();
    (itemsOf(value)[0]!.body as Json[])[1]!.value = 'x'.repeat(2_001);
    expectInvalid(() => parseAnnotationImport(value), "Annotation 1's note is longer than 2,000 characters.");
    const one = file(toWebAnnotation(claim, urls));
    const many = Array.from({ length: 20_001 }, (_, index) => ({ ...one, id: `https://x.example/a/${index}` }));
    expectInvalid(
      () => parseAnnotationImport(many),
      'The file has 20,001 annotations; at most 20,000 can be imported.',
    );
  });

  it('names the source whose document is invalid', () => {
    const value = file();
    (value.sources as Json[])[1]!.doc = { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] };
    expectInvalid(() => parseAnnotationImport(value), /^Source 2 \("Agency report"\) has no valid document: /);
  });

  it('refuses a source with a bad address, and annotations of sources not in the file', () => {
    const value = file();
    (value.sources as Json[])[0]!.sourceUrl = 'javascript:alert(1)';
    expectInvalid(
      () => parseAnnotationImport(value),
      'Source 1: sourceUrl must be a web address starting with http:// or https://.',
    );
    const partial = file(exportOf({ articles: [borderArticle] }));
    expectInvalid(
      () => parseAnnotationImport(partial),
      /Annotation 6 annotates .*, which is not among the file's sources\./,
    );
  });

  it('refuses repeated ids, bad dates and collections spread over pages', () => {
    const value = file();
    itemsOf(value)[1]!.id = itemsOf(value)[0]!.id;
    expectInvalid(() => parseAnnotationImport(value), /Annotation 2 repeats the id/);
    const dated = file();
    itemsOf(dated)[0]!.created = 'last Tuesday';
    expectInvalid(() => parseAnnotationImport(dated), "Annotation 1's created date is not a date and time.");
    const paged = file();
    (paged.first as Json).next = 'https://x.example/page2';
    expectInvalid(() => parseAnnotationImport(paged), /Only single-page collections/);
    const linked = file();
    linked.first = 'https://x.example/page1';
    expectInvalid(() => parseAnnotationImport(linked), /only links to its annotations/);
  });
});
