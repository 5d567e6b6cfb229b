// Comments are plain text. Web addresses become links, but only http(s) ones: a
// "javascript:" or "data:" address stays inert text. Rendering goes through React, never HTML.
//
// Every step is linear in the comment's length: the address pattern has one unbounded run and
// nothing after it to backtrack into, and the trailing-punctuation trim keeps running bracket
// counts instead of re-counting the address for each character it drops (that re-count made a
// comment of "http://a" and 5,000 ")" cost ~25 million steps, and an inbox of them 4 s).
export type CommentSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

/** Longer addresses stay text: no real page needs one, and a link that long is a payload. */
export const MAX_LINK_LENGTH = 2_000;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"’”]/;

/** Counts the characters the trim examines, so a test can bound the work without timing it. */
export type LinkifyMeter = { steps: number };

/** Drops sentence punctuation after an address, but keeps a ")" that closes one inside it. */
function trimTrailing(candidate: string, meter: LinkifyMeter | undefined): string {
  let open = 0;
  let close = 0;
  for (let i = 0; i < candidate.length; i++) {
    const char = candidate.charCodeAt(i);
    if (char === 0x28) open++;
    else if (char === 0x29) close++;
  }
  if (meter) meter.steps += candidate.length;
  let end = candidate.length;
  while (end > 0 && TRAILING.test(candidate[end - 1]!)) {
    if (meter) meter.steps++;
    // `open` and `close` count the brackets of candidate.slice(0, end).
    if (candidate[end - 1] === ')') {
      if (open >= close) break;
      close--;
    }
    end--;
  }
  return candidate.slice(0, end);
}

function httpHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function linkify(text: string, meter?: LinkifyMeter): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match[0].length > MAX_LINK_LENGTH) continue;
    const candidate = trimTrailing(match[0], meter);
    const start = match.index;
    const href = httpHref(candidate);
    if (!href) continue;
    if (start > last) segments.push({ type: 'text', text: text.slice(last, start) });
    segments.push({ type: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) });
  return segments;
}
