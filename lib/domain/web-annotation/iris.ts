// Every IRI the API and the export emit, built in one place; each one answers GET
// (app/api/... and app/users/...), so nothing we publish is a dead link.
import { CONSTRAINTS_PATH, MARGINALIA_CONTEXT_PATH } from './vocabulary';

export type ResourceUrls = {
  origin: string;
  article(id: string): string;
  /** The article's LDP container; ends in "/" as the Protocol requires. */
  container(articleId: string): string;
  /** Annotations live inside their article's container. */
  annotation(articleId: string, id: string): string;
  user(id: string): string;
  comment(id: string): string;
  link(id: string): string;
  context: string;
  constraints: string;
};

export function resourceUrls(origin: string): ResourceUrls {
  const article = (id: string) => `${origin}/api/articles/${id}`;
  const container = (articleId: string) => `${article(articleId)}/annotations/`;
  return {
    origin,
    article,
    container,
    annotation: (articleId, id) => `${container(articleId)}${id}`,
    user: (id) => `${origin}/users/${id}`,
    comment: (id) => `${origin}/api/comments/${id}`,
    link: (id) => `${origin}/api/links/${id}`,
    context: `${origin}${MARGINALIA_CONTEXT_PATH}`,
    constraints: `${origin}${CONSTRAINTS_PATH}`,
  };
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ARTICLE_PATHS = [
  new RegExp(`^/api/articles/(${UUID})/?$`, 'i'),
  new RegExp(`^/w/[^/]+/articles/(${UUID})/?$`, 'i'),
];

/**
 * The article id an IRI names (our API's article IRI or the article's page), from any origin:
 * behind proxies the public origin may differ from what the server sees. Null for other IRIs.
 */
export function articleIdFromIri(iri: string): string | null {
  let path: string;
  try {
    path = new URL(iri).pathname;
  } catch {
    return null;
  }
  for (const pattern of ARTICLE_PATHS) {
    const match = pattern.exec(path);
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}
