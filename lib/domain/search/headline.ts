// Postgres' ts_headline marks matches with delimiters we choose; we pick private-use characters
// that never occur in articles and cut on them, so highlighting needs no HTML at all.
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

export type HeadlineSegment = { text: string; hit: boolean };

export function parseHeadline(headline: string): HeadlineSegment[] {
  const segments: HeadlineSegment[] = [];
  let rest = headline;
  while (rest) {
    const start = rest.indexOf(HIT_START);
    if (start === -1) {
      segments.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(HIT_END, start);
    const stop = end === -1 ? rest.length : end;
    segments.push({ text: rest.slice(start + 1, stop), hit: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return segments.filter((segment) => segment.text);
}
