// Where the app may send someone after sign-in: a path of this app, never another origin.
// Checking the text ("starts with / but not //") is not enough: browsers and the URL parser
// drop tabs and line breaks, read "\" as "/" and resolve "/./" segments, so "/\t/evil.example"
// passes a text check and still lands on evil.example. The value is therefore parsed the way
// the browser will parse it (WHATWG URL against the app's origin) and only what survives as a
// same-origin path is returned, re-serialised, so the Location header is always valid ASCII.

/**
 * A stand-in origin for parsing: relative values resolve against it, and an absolute URL to
 * anywhere else (the app's real origin included, whose name this pure function does not know)
 * differs from it and is refused. `.invalid` can never be a real host (RFC 6761).
 */
const PARSE_ORIGIN = 'https://app.invalid';

/** Longer values are not paths a page of the app links to. */
export const MAX_CALLBACK_URL_LENGTH = 2_048;

// Control characters, any Unicode whitespace (U+3000 included) and format characters (bidi
// controls, zero-width): the browser strips or rewrites some of them before navigating, and a
// Location header cannot carry CR/LF at all (it was a 500).
const REFUSED_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\s]/u;

/** The same-origin path (with query and fragment) to go to, or null when the value is not one. */
export function parseCallbackUrl(value: string, origin: string = PARSE_ORIGIN): string | null {
  if (!value || value.length > MAX_CALLBACK_URL_LENGTH || REFUSED_CHARACTERS.test(value)) return null;
  // Only paths: a value that is not one ("evil.example", "javascript:…", "?x") would be read
  // relative to the sign-in page or as a scheme.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin || url.username || url.password) return null;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (url.pathname.startsWith('//') || url.pathname.startsWith('/\\')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Only same-site paths may be returned to after sign-in, never another origin. */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = '/'): string {
  const url = Array.isArray(value) ? value[0] : value;
  return (url && parseCallbackUrl(url)) || fallback;
}
