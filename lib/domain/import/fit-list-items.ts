// The editor's list items must start with a paragraph. HTML allows an item that starts
// with a nested list or a quote; such items are reshaped rather than dropped.
import type { DocNode } from '../document/article-doc';

function isList(node: DocNode): boolean {
  return node.type === 'bulletList' || node.type === 'orderedList';
}

/**
 * Turns the blocks of one HTML list item into editor list items: a leading heading
 * becomes the paragraph, a leading nested list lends its items to the outer list, and a
 * leading quote is unwrapped. Iterative, because hostile markup can repeat these shapes.
 */
export function fitListItems(blocks: DocNode[]): DocNode[] {
  if (blocks[0]?.type === 'paragraph') return [{ type: 'listItem', content: blocks }];
  const items: DocNode[] = [];
  const pending: Array<{ nodes: DocNode[]; index: number }> = [{ nodes: blocks, index: 0 }];
  while (pending.length) {
    const level = pending.at(-1)!;
    const node = level.nodes[level.index++];
    if (!node) {
      pending.pop();
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      const content: DocNode[] = [{ type: 'paragraph', content: node.content ?? [] }];
      for (let depth = pending.length - 1; depth >= 0; depth--) {
        const { nodes, index } = pending[depth]!;
        for (let i = index; i < nodes.length; i++) content.push(nodes[i]!);
      }
      items.push({ type: 'listItem', content });
      break;
    } else if (isList(node)) {
      for (const item of node.content ?? []) items.push(item);
    } else if (node.type === 'blockquote') {
      pending.push({ nodes: node.content ?? [], index: 0 });
    }
  }
  return items;
}
