// Metadata comes from untrusted pages and files; these keep each value within what the
// article details accept (see lib/validation/articles.ts), or leave it out.

const MAX_TITLE_LENGTH = 300;
const MAX_BYLINE_LENGTH = 300;
const MAX_SOURCE_URL_LENGTH = 2000;

export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > max / 2 ? lastSpace : max - 1).trimEnd()}…`;
}

export function cleanTitle(value: string | undefined): string | undefined {
  const text = collapseWhitespace(value ?? '');
  return text ? truncateAtWord(text, MAX_TITLE_LENGTH) : undefined;
}

export function cleanByline(value: string | undefined): string | undefined {
  const text = collapseWhitespace(value ?? '').replace(/^by[:\s]\s*/i, '');
  // Some sites put the author's profile URL where the name belongs.
  if (!text || /^https?:\/\//i.test(text)) return undefined;
  // A "byline" this long is a mislabelled container, not a list of names.
  return text.length <= MAX_BYLINE_LENGTH ? text : undefined;
}

export function cleanSourceUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text.length > MAX_SOURCE_URL_LENGTH) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isRealDate(isoDate: string): boolean {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(isoDate);
}

/**
 * A date as YYYY-MM-DD. A timestamp that starts with a calendar date keeps that date
 * rather than shifting to UTC, because the date the publisher wrote is the one readers saw.
 */
export function toIsoDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const leading = text.match(/^(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/);
  if (leading) return isRealDate(leading[0]) ? leading[0] : undefined;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return undefined;
  // Other formats are mostly written dates ("June 5, 2018"), which Date reads as local midnight.
  const year = parsed.getFullYear();
  if (year < 1000 || year > 9999) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}
