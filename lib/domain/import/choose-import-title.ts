// An imported article's title is shown apart from its body, so a headline that was
// taken from the body must not be repeated as its first heading.
import { docToPlainText, type DocNode } from '../document/article-doc';
import { deriveTitle } from './parse-plain-text-article';
import { cleanTitle } from './metadata-values';

/** A shorter headline has to be at least this long to count as a prefix of the page title. */
const MIN_PREFIX_HEADLINE_LENGTH = 8;

function comparable(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether the body's <h1> and the page's stated title name the same story: page titles
 * often add the site's name before or after the headline ("Headline | The Daily").
 */
function sameHeadline(headline: string, statedTitle: string): boolean {
  const a = comparable(headline);
  const b = comparable(statedTitle);
  if (!a || !b) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter === longer) return true;
  if (shorter.length >= MIN_PREFIX_HEADLINE_LENGTH && (longer.startsWith(shorter) || longer.endsWith(shorter))) {
    return true;
  }
  return longer.includes(shorter) && shorter.length * 2 >= longer.length;
}

function firstTextblock(blocks: DocNode[], type: string): DocNode | undefined {
  for (const block of blocks) {
    if (block.type === type) return block;
    const inside = firstTextblock(block.content ?? [], type);
    if (inside) return inside;
  }
  return undefined;
}

function derivedTitle(blocks: DocNode[]): string {
  const first = firstTextblock(blocks, 'paragraph') ?? firstTextblock(blocks, 'heading');
  return cleanTitle(deriveTitle(first && docToPlainText(first).replace(/\n/g, ' '))) ?? deriveTitle(undefined);
}

/**
 * The stated title (the page's <title>, front matter), unless the body's leading <h1>
 * says the same or there is no stated title: then the <h1> is the title and leaves the
 * body. Without either, the title is derived from the first paragraph.
 */
export function chooseImportTitle(
  blocks: DocNode[],
  leadingH1: DocNode | undefined,
  statedTitle: string | undefined,
): { title: string; blocks: DocNode[] } {
  const headline = leadingH1 && cleanTitle(docToPlainText(leadingH1));
  // A document that is nothing but its headline keeps it as its text.
  const canLeaveBody = blocks.length > 1;
  if (headline && canLeaveBody && (!statedTitle || sameHeadline(headline, statedTitle))) {
    return { title: headline, blocks: blocks.filter((block) => block !== leadingH1) };
  }
  return { title: statedTitle ?? derivedTitle(blocks), blocks };
}
