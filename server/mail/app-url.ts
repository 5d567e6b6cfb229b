import 'server-only';

/**
 * An absolute URL of the app for links in mail: NEXTAUTH_URL is the public origin (scripts/start.ts
 * sets it locally; production must set it), never the Host of whichever request caused the mail.
 */
export function appUrl(path: string): string {
  const origin = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, origin).toString();
}
