// The editor benchmark's floor for opening: the article and its highlights as plain server-rendered
// HTML, with no script but the line that marks the time, so what it costs is only what the browser needs to show the text.
import { TAGS } from '../../lib/domain/annotations/tags';
import { freePort } from '../free-port';

export { freePort };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One paragraph with `<mark>`s for the spans inside it: overlapping spans nest, one `<mark>` per
 * highlight over each stretch of text, as the editor's inline decorations render them.
 */
function paragraphHtml(text: string, spans: { start: number; end: number; id: number }[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    let piece = escapeHtml(text.slice(from, to));
    for (const span of spans)
      if (span.start <= from && span.end >= to)
        piece = `<mark class="annotation-highlight" data-tag="${TAGS[span.id % TAGS.length]}" data-annotation-id="a${span.id}" tabindex="0">${piece}</mark>`;
    html += piece;
  }
  return `<p>${html}</p>`;
}

export function staticArticleHtml(options: {
  paragraphs: string[];
  /** [start, end) in the paragraphs joined by blank lines. */
  spans: [number, number][];
  css: string;
  readyMark: string;
}): string {
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of options.paragraphs) {
    starts.push(offset);
    offset += paragraph.length + 2;
  }
  const byParagraph = options.paragraphs.map(() => [] as { start: number; end: number; id: number }[]);
  options.spans.forEach(([start, end], id) => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= start) index++;
    byParagraph[index]!.push({ start: start - starts[index]!, end: end - starts[index]!, id });
  });
  const body = options.paragraphs.map((text, i) => paragraphHtml(text, byParagraph[i]!)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static floor</title><style>${options.css}</style></head><body><main class="mx-auto max-w-6xl px-4 py-10"><div class="article-prose">${body}</div></main><script>performance.mark(${JSON.stringify(options.readyMark)})</script></body></html>`;
}
