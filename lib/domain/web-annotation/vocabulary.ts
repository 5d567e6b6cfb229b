// The IRIs and media types of the W3C Web Annotation Model and Protocol, LDP, and our own
// extension terms: defined once here, imported by the serializer, the routes and the client.

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The Protocol's media type: JSON-LD with the Web Annotation profile. */
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export const LDP = {
  Resource: 'http://www.w3.org/ns/ldp#Resource',
  BasicContainer: 'http://www.w3.org/ns/ldp#BasicContainer',
  constrainedBy: 'http://www.w3.org/ns/ldp#constrainedBy',
  PreferMinimalContainer: 'http://www.w3.org/ns/ldp#PreferMinimalContainer',
  PreferContainment: 'http://www.w3.org/ns/ldp#PreferContainment',
} as const;

export const OA = {
  annotationService: 'http://www.w3.org/ns/oa#annotationService',
  PreferContainedIRIs: 'http://www.w3.org/ns/oa#PreferContainedIRIs',
  PreferContainedDescriptions: 'http://www.w3.org/ns/oa#PreferContainedDescriptions',
} as const;

/**
 * Our vocabulary namespace. It is fixed rather than per installation so that two
 * installations' exports use the same predicates; the terms are defined in the context below.
 */
export const MARGINALIA_NS = 'https://marginalia.app/ns#';
/** Where each installation serves MARGINALIA_CONTEXT (app/ns/marginalia.jsonld/route.ts). */
export const MARGINALIA_CONTEXT_PATH = '/ns/marginalia.jsonld';
/** Where each installation serves the list of rules its container enforces (ldp#constrainedBy). */
export const CONSTRAINTS_PATH = '/ns/annotation-constraints';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

/**
 * The keys Marginalia adds to an annotation, each given a term IRI so that a JSON-LD
 * processor keeps them. Plain JSON-LD 1.0: no keyword here needs 1.1.
 */
export const MARGINALIA_TERMS = {
  marginalia: MARGINALIA_NS,
  anchorState: 'marginalia:anchorState',
  status: 'marginalia:threadStatus',
  reviewStatus: 'marginalia:reviewStatus',
  reviewedAt: { '@id': 'marginalia:reviewedAt', '@type': `${XSD}dateTime` },
  reviewedBy: { '@id': 'marginalia:reviewedBy', '@type': '@id' },
  assignee: { '@id': 'marginalia:assignee', '@type': '@id' },
  revision: 'marginalia:revision',
  version: { '@id': 'marginalia:version', '@type': `${XSD}integer` },
  /** Only on a privileged annotation, which only those allowed to read it are ever sent. */
  privilegeBasis: 'marginalia:privilegeBasis',
} as const;

/** The document served at MARGINALIA_CONTEXT_PATH. */
export const MARGINALIA_CONTEXT_DOCUMENT = { '@context': MARGINALIA_TERMS } as const;

/** `@context` of every annotation, collection and page the API serves: the W3C one, then ours. */
export function apiContext(origin: string): [typeof ANNO_CONTEXT, string] {
  return [ANNO_CONTEXT, `${origin}${MARGINALIA_CONTEXT_PATH}`];
}
