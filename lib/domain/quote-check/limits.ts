// How much one Quote check request may do: a page of quotes at a time, and no quote longer
// than a few pages of text. The work of a request is then bounded by the page, whatever the
// workspace holds (40 quotes of 1,000 words took 6-7 s in one request before).

/** Quotes checked and shown per page of the Quote check. */
export const QUOTE_CHECK_PAGE_SIZE = 50;

/**
 * Longer quotes are not checked at all (shown as "too long to check"): a whole chapter tagged
 * Quote is not a quotation, and even the exact search over every article grows with its length.
 */
export const MAX_CHECKED_QUOTE_LENGTH = 20_000;

/** Page numbers start at 1; anything else in the address is page 1. */
export function quoteCheckPage(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^[1-9][0-9]{0,5}$/.test(text)) return 1;
  return Number(text);
}
