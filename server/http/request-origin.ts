import 'server-only';

/** The public origin for absolute ids in API answers: NEXTAUTH_URL when set, else the request's. */
export function requestOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  return new URL(request.url).origin;
}
