// Comments are plain text. Web addresses become links, but only http(s) ones: a
// "javascript:" or "data:" address stays inert text. Rendering goes through React, never HTML.
export type CommentSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"’”]/;
const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops sentence punctuation after an address, but keeps a ")" that closes one inside it. */
function trimTrailing(candidate: string): string {
  let end = candidate.length;
  while (end > 0 && TRAILING.test(candidate[end - 1]!)) {
    const head = candidate.slice(0, end);
    if (candidate[end - 1] === ')' && count(head, '(') >= count(head, ')')) break;
    end--;
  }
  return candidate.slice(0, end);
}

export function linkify(text: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const candidate = trimTrailing(match[0]);
    const start = match.index!;
    let href: string | null = null;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.toString();
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) segments.push({ type: 'text', text: text.slice(last, start) });
    segments.push({ type: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) });
  return segments;
}
