// A compact, readable rendering of a document for test assertions: one line per
// textblock, lists and quotes as prefixes, marks as light markup, hard breaks as ⏎.
import type { DocNode } from '../../document/article-doc';

const MARK_WRAP: Readonly<Record<string, [string, string]>> = {
  bold: ['**', '**'],
  italic: ['_', '_'],
  underline: ['__', '__'],
  strike: ['~~', '~~'],
};

function inline(nodes: DocNode[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '⏎';
      let text = node.text ?? '';
      for (const mark of [...(node.marks ?? [])].reverse()) {
        if (mark.type === 'link') text = `[${text}](${String(mark.attrs?.href)})`;
        else {
          const [open, close] = MARK_WRAP[mark.type] ?? [`<${mark.type}>`, `</${mark.type}>`];
          text = `${open}${text}${close}`;
        }
      }
      return text;
    })
    .join('');
}

function blockLines(node: DocNode): string[] {
  switch (node.type) {
    case 'paragraph':
      return [inline(node.content)];
    case 'heading':
      return [`h${String(node.attrs?.level)}: ${inline(node.content)}`];
    case 'blockquote':
      return (node.content ?? []).flatMap(blockLines).map((line) => `> ${line}`);
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? []).flatMap((item) =>
        (item.content ?? [])
          .flatMap(blockLines)
          .map((line, index) => (index === 0 ? `${node.type === 'bulletList' ? '-' : '1.'} ${line}` : `  ${line}`)),
      );
    default:
      return [`<${node.type}>`];
  }
}

export function docOutline(doc: DocNode): string[] {
  return (doc.content ?? []).flatMap(blockLines);
}
