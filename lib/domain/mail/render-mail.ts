// Every mail is written once as a few blocks and rendered twice: plain text, and HTML in which
// every piece of text (names, comment bodies, quoted passages: all user-written) is escaped.
// Nothing a user typed ever reaches the HTML unescaped, and links are only ever our own URLs.

export type MailBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'action'; label: string; url: string };

export type MailContent = { subject: string; blocks: MailBlock[] };
export type RenderedMail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** Subjects are a single header line: no CR/LF (header injection), bounded length. */
export function mailSubject(text: string): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Long user text (a comment, a quote) shortened for a notification. */
export function excerpt(text: string, max = 500): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

const FOOTER = 'Sent by Marginalia.';

export function renderMail(content: MailContent): RenderedMail {
  const text = content.blocks
    .map((block) => {
      if (block.type === 'paragraph') return block.text;
      if (block.type === 'quote')
        return block.text
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n');
      return `${block.label}: ${block.url}`;
    })
    .concat(['--', FOOTER])
    .join('\n\n');
  const body = content.blocks
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
      if (block.type === 'quote') {
        return `<blockquote style="border-left:3px solid #d6d3d1;margin:0;padding-left:12px;color:#44403c;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`;
      }
      return `<p><a href="${escapeHtml(block.url)}" style="color:#1d4ed8">${escapeHtml(block.label)}</a></p>`;
    })
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1917">\n${body}\n<p style="color:#78716c;font-size:12px">${FOOTER}</p>\n</body></html>`;
  return { subject: mailSubject(content.subject), text, html };
}
