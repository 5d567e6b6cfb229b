import 'server-only';

// Parsed once per value: every API answer asks, some several times per request.
let parsed: { configured: string; origin: string } | undefined;

/** The public origin for absolute ids in API answers: NEXTAUTH_URL when set, else the request's. */
export function requestOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (!configured) return new URL(request.url).origin;
  if (parsed?.configured !== configured) parsed = { configured, origin: new URL(configured).origin };
  return parsed.origin;
}
