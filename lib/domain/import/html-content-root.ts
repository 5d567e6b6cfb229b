// Pages wrap the story in navigation, promotion and footers. When the page marks its
// story with <article> or <main>, only that part is imported.
import { isTag, isText, type AnyNode, type Element, type ParentNode } from 'domhandler';

/** An <article> smaller than this share of the page is a teaser card, not the story. */
const MIN_ARTICLE_SHARE = 0.25;

function textLength(root: AnyNode): number {
  let length = 0;
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isText(node)) length += node.data.trim().length;
    else if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return length;
}

function findStoryContainers(root: ParentNode): { articles: Element[]; main?: Element } {
  const articles: Element[] = [];
  let main: Element | undefined;
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    // Articles nested in an article (comments, related cards) belong to it.
    if (node.name === 'article') {
      articles.push(node);
      continue;
    }
    if (node.name === 'main') main ??= node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return { articles, main };
}

/** The largest <article> unless it is only a small part of the page, else <main>, else everything. */
export function selectStoryRoot(root: ParentNode): ParentNode {
  const { articles, main } = findStoryContainers(root);
  const page = main ?? root;
  let best: Element | undefined;
  let bestLength = 0;
  for (const article of articles) {
    const length = textLength(article);
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  if (best && bestLength >= MIN_ARTICLE_SHARE * textLength(page)) return best;
  return page;
}
