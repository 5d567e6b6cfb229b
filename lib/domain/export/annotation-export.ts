// A workspace's (or one article's) review as one W3C AnnotationCollection in JSON-LD
// (https://www.w3.org/TR/annotation-model/), complete enough to be imported into an empty
// workspace: the annotated documents travel with it, so the selectors can be resolved again.
import type { LinkType } from '../annotations/link-types';
import { resourceUrls, type ResourceUrls } from '../web-annotation/iris';
import { citationIndex, citePassage, type CitedBlocks } from '../citations/cite-passage';
import { toWebAnnotation, type AnnotationRecord, type WebAnnotation } from '../web-annotation/serialize';
import { ANNO_CONTEXT, MARGINALIA_NS, MARGINALIA_TERMS } from '../web-annotation/vocabulary';
import type { ArticleDoc } from '../document/article-doc';
import { isOnCurrentText } from '../evidence/evidence-state';

export type ExportPerson = { id: string; name: string };

export type ExportArticle = {
  id: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  publishedAt: Date | null;
  /** The current revision's number. */
  revision: number;
  /** The current revision's document; annotation selectors index into docToPlainText(doc). */
  doc: ArticleDoc;
  text: string;
};

export type ExportComment = {
  id: string;
  parentId: string | null;
  body: string;
  author: ExportPerson | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

export type ExportAnnotation = AnnotationRecord & { assignee: ExportPerson | null; comments: ExportComment[] };

export type ExportLink = {
  id: string;
  type: LinkType;
  fromAnnotationId: string;
  toAnnotationId: string;
  /** The articles of each end: annotation IRIs live in their article's container. */
  fromArticleId: string;
  toArticleId: string;
  author: ExportPerson | null;
  createdAt: Date;
};

export type ExportUrls = ResourceUrls;

export const exportUrls = resourceUrls;

export { MARGINALIA_NS };

const DCTERMS = 'http://purl.org/dc/terms/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/**
 * Our terms, so that the extension keys are proper JSON-LD and not silently dropped by
 * processors: the annotation terms the API's context serves (MARGINALIA_TERMS), and the
 * export's own. JSON-LD 1.1 because the ProseMirror document must stay an opaque JSON literal
 * (@json): its own "type" keys would otherwise be read as RDF types and its other keys
 * dropped. The API's annotations, collections and pages need no 1.1 keyword (docs/api.md).
 */
export const MARGINALIA_CONTEXT = {
  '@version': 1.1,
  ...MARGINALIA_TERMS,
  sources: { '@id': 'marginalia:sources', '@container': '@set' },
  title: `${DCTERMS}title`,
  byline: 'marginalia:byline',
  sourceUrl: { '@id': `${DCTERMS}source`, '@type': '@id' },
  publishedAt: { '@id': `${DCTERMS}issued`, '@type': `${XSD}date` },
  doc: { '@id': 'marginalia:doc', '@type': '@json' },
  inReplyTo: { '@id': 'marginalia:inReplyTo', '@type': '@id' },
  deletedAt: { '@id': 'marginalia:deletedAt', '@type': `${XSD}dateTime` },
  // The words as tagged (lib/domain/evidence/evidence-json-ld.ts): a SpecificResource with a TimeState.
  asTagged: 'marginalia:asTagged',
  asConfirmed: 'marginalia:asConfirmed',
  importedFrom: 'marginalia:importedFrom',
} as const;

export const EXPORT_CONTEXT = [ANNO_CONTEXT, MARGINALIA_CONTEXT] as const;

type Person = { id: string; type: 'Person'; name: string };

export type ExportedSource = {
  id: string;
  type: 'Text';
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  /** YYYY-MM-DD: the app keeps publication dates as days. */
  publishedAt: string | null;
  doc: ArticleDoc;
};

/**
 * Each item names only the anno context: in JSON-LD it adds to the collection's context, which
 * it inherits, so our terms stay defined without repeating them 20,000 times.
 */
export type ExportedTaggingAnnotation = Omit<WebAnnotation, 'assignee' | '@context'> & {
  '@context': typeof ANNO_CONTEXT;
  assignee: Person | null;
};

export type ExportedReply = {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'replying';
  creator?: Person;
  created: string;
  modified?: string;
  body: { type: 'TextualBody'; value: string; format: 'text/plain' };
  target: string;
  inReplyTo?: string;
  deletedAt?: string;
};

export type ExportedLink = {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  creator?: Person;
  created: string;
  body: [
    { type: 'SpecificResource'; source: string; purpose: 'linking' },
    { type: 'TextualBody'; purpose: 'tagging'; value: LinkType },
  ];
  target: string;
};

export type ExportedItem = ExportedTaggingAnnotation | ExportedReply | ExportedLink;

export type AnnotationCollectionExport = {
  '@context': typeof EXPORT_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generated?: string;
  total: number;
  sources: ExportedSource[];
  /** Absent when there is nothing to list: the model requires a page to have at least one item. */
  first?: {
    id: string;
    type: 'AnnotationPage';
    partOf: { id: string; total: number };
    startIndex: 0;
    items: ExportedItem[];
  };
};

const person = (who: ExportPerson, urls: ResourceUrls): Person => ({
  id: urls.user(who.id),
  type: 'Person',
  name: who.name,
});

function toSource(article: ExportArticle, urls: ExportUrls): ExportedSource {
  return {
    id: urls.article(article.id),
    type: 'Text',
    title: article.title,
    byline: article.byline,
    sourceUrl: article.sourceUrl,
    publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
    doc: article.doc,
  };
}

/** RFC 8118's fragment identifiers for PDF, as the Web Annotation model names them (§4.2.1). */
const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

const isPdfPageSelector = (selector: { type: string; conformsTo?: unknown }) =>
  selector.type === 'FragmentSelector' && selector.conformsTo === PDF_FRAGMENT;

/**
 * Beside the text selectors, a passage of an imported PDF names the page it starts on, so a
 * PDF viewer (and a reader of the export) can open the source at `#page=12`. A page selector that
 * came in with an imported annotation is replaced: the page follows the passage's current place.
 */
function toTaggingAnnotation(
  annotation: ExportAnnotation,
  urls: ExportUrls,
  citations: Map<string, CitedBlocks>,
): ExportedTaggingAnnotation {
  const served = toWebAnnotation(annotation, urls);
  const index = citations.get(annotation.articleId);
  const citation =
    index && isOnCurrentText(annotation.anchorState)
      ? citePassage(index, annotation.posStart, annotation.posEnd)
      : null;
  const [quote, position, ...others] = served.target.selector;
  const page =
    citation?.kind === 'page'
      ? [{ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${citation.first}` }]
      : [];
  return {
    ...served,
    '@context': ANNO_CONTEXT,
    target: { ...served.target, selector: [quote, position, ...others.filter((s) => !isPdfPageSelector(s)), ...page] },
    assignee: annotation.assignee ? person(annotation.assignee, urls) : null,
  };
}

/**
 * Deleted comments stay, with an empty value, no creator and deletedAt, so replies to them
 * keep their place in the thread, as the app shows "comment deleted".
 */
export function toReply(
  annotation: { id: string; articleId: string },
  comment: ExportComment,
  urls: ExportUrls,
): ExportedReply {
  const deleted = comment.deletedAt !== null;
  const modified = comment.deletedAt ?? comment.editedAt;
  return {
    '@context': ANNO_CONTEXT,
    id: urls.comment(comment.id),
    type: 'Annotation',
    motivation: 'replying',
    ...(comment.author && !deleted ? { creator: person(comment.author, urls) } : {}),
    created: comment.createdAt.toISOString(),
    ...(modified ? { modified: modified.toISOString() } : {}),
    body: { type: 'TextualBody', value: deleted ? '' : comment.body, format: 'text/plain' },
    target: urls.annotation(annotation.articleId, annotation.id),
    ...(comment.parentId ? { inReplyTo: urls.comment(comment.parentId) } : {}),
    ...(comment.deletedAt ? { deletedAt: comment.deletedAt.toISOString() } : {}),
  };
}

/** The link reads "target <type> body": the from-annotation is what the statement is about. */
export function toLinkAnnotation(link: ExportLink, urls: ExportUrls): ExportedLink {
  return {
    '@context': ANNO_CONTEXT,
    id: urls.link(link.id),
    type: 'Annotation',
    motivation: 'linking',
    ...(link.author ? { creator: person(link.author, urls) } : {}),
    created: link.createdAt.toISOString(),
    body: [
      { type: 'SpecificResource', source: urls.annotation(link.toArticleId, link.toAnnotationId), purpose: 'linking' },
      { type: 'TextualBody', purpose: 'tagging', value: link.type },
    ],
    target: urls.annotation(link.fromArticleId, link.fromAnnotationId),
  };
}

/** A page IRI that stays one: a second "#" would not be a valid IRI. */
const pageId = (collectionId: string) =>
  collectionId.includes('#') ? `${collectionId}-page1` : `${collectionId}#page1`;

/**
 * Items in the order: tagging annotations, their replies, then links. Links may point at
 * annotations outside the export (another article of the workspace); they are kept, as
 * plain IRIs, and an importer drops the ones whose ends it does not have.
 */
export function toAnnotationCollectionExport(input: {
  collectionId: string;
  label: string;
  articles: ExportArticle[];
  annotations: ExportAnnotation[];
  links: ExportLink[];
  urls: ExportUrls;
  generatedAt?: Date;
}): AnnotationCollectionExport {
  const { urls } = input;
  const citations = new Map(input.articles.map((article) => [article.id, citationIndex(article.doc)]));
  const items: ExportedItem[] = [
    ...input.annotations.map((annotation) => toTaggingAnnotation(annotation, urls, citations)),
    ...input.annotations.flatMap((annotation) =>
      annotation.comments.map((comment) => toReply(annotation, comment, urls)),
    ),
    ...input.links.map((link) => toLinkAnnotation(link, urls)),
  ];
  return {
    '@context': EXPORT_CONTEXT,
    id: input.collectionId,
    type: 'AnnotationCollection',
    label: input.label,
    ...(input.generatedAt ? { generated: input.generatedAt.toISOString() } : {}),
    total: items.length,
    sources: input.articles.map((article) => toSource(article, urls)),
    ...(items.length
      ? {
          first: {
            id: pageId(input.collectionId),
            type: 'AnnotationPage' as const,
            partOf: { id: input.collectionId, total: items.length },
            startIndex: 0 as const,
            items,
          },
        }
      : {}),
  };
}
