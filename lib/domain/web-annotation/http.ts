// The Protocol's HTTP rules that do not depend on a framework: content negotiation,
// entity-tag preconditions, and the Link/Allow headers of containers and annotations.
import { ANNO_CONTEXT, ANNO_MEDIA_TYPE, LDP, OA } from './vocabulary';

export type ServedMedia = typeof ANNO_MEDIA_TYPE | 'application/json';

type Range = { type: string; profile: string | null; q: number };

function parseAccept(header: string): Range[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim());
      let q = 1;
      let profile: string | null = null;
      for (const parameter of parameters) {
        const [name, raw = ''] = parameter.split('=').map((piece) => piece.trim());
        const value = raw.replace(/^"|"$/g, '');
        if (name?.toLowerCase() === 'q') q = Number(value);
        if (name?.toLowerCase() === 'profile') profile = value;
      }
      return { type: type.toLowerCase(), profile, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((range) => range.type && range.q > 0);
}

/**
 * What to answer for this Accept header: the profiled JSON-LD type unless the client asks
 * only for plain JSON; null (406) when it accepts neither. JSON-LD with another profile
 * (e.g. ActivityStreams) is not something we serve.
 */
export function negotiateMedia(accept: string | null): ServedMedia | null {
  if (!accept?.trim()) return ANNO_MEDIA_TYPE;
  const ranges = parseAccept(accept);
  const ldScore = Math.max(
    0,
    ...ranges
      .filter(
        (range) =>
          (range.type === 'application/ld+json' &&
            (!range.profile || range.profile.split(/\s+/).includes(ANNO_CONTEXT))) ||
          range.type === 'application/*' ||
          range.type === '*/*',
      )
      .map((range) => range.q),
  );
  const jsonScore = Math.max(0, ...ranges.filter((range) => range.type === 'application/json').map((range) => range.q));
  if (ldScore === 0 && jsonScore === 0) return null;
  return jsonScore > ldScore ? 'application/json' : ANNO_MEDIA_TYPE;
}

export const NOT_ACCEPTABLE_MESSAGE = `This resource is served as ${ANNO_MEDIA_TYPE} (or application/json).`;

/** If-Match (RFC 9110 §13.1.1): `*`, or one of the listed strong tags. Weak tags never match. */
export function ifMatchSatisfied(header: string, current: string): boolean {
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === current);
}

/** If-None-Match for a GET: true when the client's copy is current (answer 304). */
export function ifNoneMatchSatisfied(header: string | null, current: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => strip(tag) === strip(current));
}

export const CONTAINER_ALLOW = 'GET, HEAD, OPTIONS, POST';
export const ANNOTATION_ALLOW = 'GET, HEAD, OPTIONS, PUT, PATCH, DELETE';
export const ACCEPT_POST = `${ANNO_MEDIA_TYPE}, application/ld+json, application/json`;

export function containerLinks(constraintsIri: string): string {
  return [
    `<${LDP.BasicContainer}>; rel="type"`,
    `<http://www.w3.org/ns/oa#AnnotationCollection>; rel="type"`,
    `<${constraintsIri}>; rel="${LDP.constrainedBy}"`,
  ].join(', ');
}

export function annotationLinks(): string {
  return [`<${LDP.Resource}>; rel="type"`, `<http://www.w3.org/ns/oa#Annotation>; rel="type"`].join(', ');
}

/** Discovery (Protocol §4.1): the annotation service of an article. */
export function annotationServiceLink(containerIri: string): string {
  return `<${containerIri}>; rel="${OA.annotationService}"`;
}
