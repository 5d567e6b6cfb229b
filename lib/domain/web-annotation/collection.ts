// The article's annotations as an LDP Basic Container that is also an AnnotationCollection,
// with AnnotationPages (Web Annotation Protocol §4-5, Model §5).
import type { ResourceUrls } from './iris';
import { type PageKey, type PageRequest, PAGE_SIZE, pageToken } from './paging';
import type { ContainerPreference } from './prefer';
import { apiContext } from './vocabulary';
import type { WebAnnotation } from './serialize';

export type PageItems = {
  items: WebAnnotation[];
  keys: PageKey[];
  /** How many annotations come before the first item. */
  startIndex: number;
  hasNext: boolean;
  hasPrev: boolean;
};

type PageOptions = { articleId: string; urls: ResourceUrls; size: number; iris: boolean };

/** The page's IRI: the container's, with the page, size and item form in the query. */
export function pageIri(options: PageOptions, request: PageRequest): string {
  const query = new URLSearchParams({ page: pageToken(request) });
  if (options.size !== PAGE_SIZE.default) query.set('limit', String(options.size));
  if (options.iris) query.set('iris', '1');
  return `${options.urls.container(options.articleId)}?${query}`;
}

export function toAnnotationPage(
  options: PageOptions & { request: PageRequest; total: number; embedded?: boolean },
  page: PageItems,
) {
  const first = page.keys[0];
  const last = page.keys.at(-1);
  return {
    ...(options.embedded ? {} : { '@context': apiContext(options.urls.origin) }),
    id: pageIri(options, options.request),
    type: 'AnnotationPage' as const,
    partOf: { id: options.urls.container(options.articleId), total: options.total },
    startIndex: page.startIndex,
    ...(page.hasNext && last ? { next: pageIri(options, { kind: 'after', key: last }) } : {}),
    ...(page.hasPrev && first ? { prev: pageIri(options, { kind: 'before', key: first }) } : {}),
    items: options.iris ? page.items.map((item) => item.id) : page.items,
  };
}

/**
 * The container. `first` is embedded unless the client prefers a minimal container; an
 * empty container has neither `first` nor `last` (a page must have items).
 */
export function toAnnotationContainer(options: {
  articleId: string;
  label: string;
  urls: ResourceUrls;
  size: number;
  total: number;
  preference: ContainerPreference;
  firstPage: PageItems | null;
}) {
  const pageOptions = { ...options, iris: options.preference === 'iris' };
  const pages =
    options.total === 0
      ? {}
      : {
          first:
            options.preference === 'minimal' || !options.firstPage
              ? pageIri(pageOptions, { kind: 'first' })
              : toAnnotationPage(
                  { ...pageOptions, request: { kind: 'first' }, total: options.total, embedded: true },
                  options.firstPage,
                ),
          last: pageIri(pageOptions, { kind: 'last' }),
        };
  return {
    '@context': apiContext(options.urls.origin),
    id: options.urls.container(options.articleId),
    type: ['BasicContainer', 'AnnotationCollection'] as const,
    label: options.label,
    total: options.total,
    ...pages,
  };
}
