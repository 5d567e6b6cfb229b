// ProseMirror/TipTap document JSON for an article, and the plain text derived from it.
// Annotation selectors index into that plain text, so its rules are fixed here:
// textblocks are separated by a blank line ("\n\n"), a hard break is "\n".
import type { ArticleBlock } from './article-blocks';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type DocMark = { type: string; attrs?: Record<string, JsonValue> };
export type DocNode = {
  type: string;
  attrs?: Record<string, JsonValue>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
};
export type ArticleDoc = DocNode & { type: 'doc' };

export const BLOCK_SEPARATOR = '\n\n';
export const SUBHEADING_LEVEL = 2;

function textContent(text: string): DocNode[] {
  return text ? [{ type: 'text', text }] : [];
}

export function blocksToDoc(blocks: ArticleBlock[]): ArticleDoc {
  return {
    type: 'doc',
    content: blocks.map((block) =>
      block.type === 'heading'
        ? { type: 'heading', attrs: { level: SUBHEADING_LEVEL }, content: textContent(block.text) }
        : { type: 'paragraph', content: textContent(block.text) },
    ),
  };
}

function isTextblock(node: DocNode): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock';
}

function inlineText(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

function collectTextblocks(node: DocNode, out: string[]): void {
  if (isTextblock(node)) {
    out.push(inlineText(node));
    return;
  }
  for (const child of node.content ?? []) collectTextblocks(child, out);
}

export function docToPlainText(doc: DocNode): string {
  const blocks: string[] = [];
  collectTextblocks(doc, blocks);
  return blocks.join(BLOCK_SEPARATOR);
}

/** The document's outline for display and tests: each textblock with its kind. */
export function docToBlocks(doc: DocNode): ArticleBlock[] {
  return (doc.content ?? []).filter(isTextblock).map((node) => ({
    type: node.type === 'heading' ? 'heading' : 'paragraph',
    text: inlineText(node),
  }));
}
