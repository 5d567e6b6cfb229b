import 'server-only';
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import {
  ACCEPT_POST,
  ANNOTATION_ALLOW,
  annotationLinks,
  CONTAINER_ALLOW,
  containerLinks,
  ifMatchSatisfied,
  ifNoneMatchSatisfied,
  negotiateMedia,
  NOT_ACCEPTABLE_MESSAGE,
  type ServedMedia,
} from '@/lib/domain/web-annotation/http';
import { AppError } from '@/lib/errors';

/** The media type to answer in, or 406 before any work is done. */
export function requireServedMedia(request: Request): ServedMedia {
  const media = negotiateMedia(request.headers.get('accept'));
  if (!media) throw new AppError('NOT_ACCEPTABLE', { userMessage: NOT_ACCEPTABLE_MESSAGE });
  return media;
}

/** If-Match as sent, or 428 when the method needs one (PUT). */
export function readIfMatch(request: Request, required: boolean): string | undefined {
  const value = request.headers.get('if-match') ?? undefined;
  if (!value && required) {
    throw new AppError('PRECONDITION_REQUIRED', {
      userMessage: 'Send If-Match with the ETag of the annotation you are replacing.',
    });
  }
  return value;
}

/** 412 unless If-Match (when sent) names the current representation. */
export function assertIfMatch(ifMatch: string | undefined, currentEtag: string): void {
  if (ifMatch !== undefined && !ifMatchSatisfied(ifMatch, currentEtag)) {
    throw new AppError('PRECONDITION_FAILED', {
      userMessage: 'The annotation changed since you loaded it (ETag differs). Reload it, then try again.',
    });
  }
}

type Kind = 'annotation' | 'container' | 'page';

function headersFor(kind: Kind, media: ServedMedia, constraintsIri: string): Record<string, string> {
  const common = { 'content-type': media, vary: kind === 'annotation' ? 'Accept' : 'Accept, Prefer' };
  if (kind === 'annotation') return { ...common, link: annotationLinks(), allow: ANNOTATION_ALLOW };
  return { ...common, link: containerLinks(constraintsIri), allow: CONTAINER_ALLOW, 'accept-post': ACCEPT_POST };
}

/** A content hash as the ETag of a representation with no version of its own (container, page). */
export function contentEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * An annotation, container or page answer with the Protocol's headers; 304 when the client's
 * If-None-Match is current. HEAD gets the same headers (the server drops the body).
 */
export function webAnnotationResponse(
  request: Request,
  value: unknown,
  options: {
    kind: Kind;
    media: ServedMedia;
    constraintsIri: string;
    etag?: string;
    status?: number;
    headers?: Record<string, string>;
  },
): NextResponse {
  const body = JSON.stringify(value);
  const etag = options.etag ?? contentEtag(body);
  const headers = { ...headersFor(options.kind, options.media, options.constraintsIri), etag, ...options.headers };
  if ((options.status ?? 200) === 200 && ifNoneMatchSatisfied(request.headers.get('if-none-match'), etag)) {
    return new NextResponse(null, { status: 304, headers });
  }
  return new NextResponse(body, { status: options.status ?? 200, headers });
}

/** OPTIONS on a container or annotation: what it allows, with 200 as the Protocol's tests expect. */
export function optionsResponse(kind: Kind, constraintsIri: string): NextResponse {
  const { 'content-type': _type, ...headers } = headersFor(kind, 'application/json', constraintsIri);
  return new NextResponse(null, { status: 200, headers });
}
