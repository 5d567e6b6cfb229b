// Converts between offsets in an article's plain text (see document/article-doc.ts:
// textblocks joined by "\n\n", hard breaks as "\n") and ProseMirror document positions.
// Works on anything shaped like a ProseMirror node, so it needs no editor to test.
export interface ProseMirrorNodeLike {
  readonly isText: boolean;
  readonly isTextblock: boolean;
  readonly isLeaf: boolean;
  readonly text?: string | null;
  readonly nodeSize: number;
  readonly childCount: number;
  child(index: number): ProseMirrorNodeLike;
  readonly type: { readonly name: string };
}

/** A run of characters that sit at consecutive positions in both the text and the document. */
type Segment = { textStart: number; pmStart: number; length: number };
type Block = { textStart: number; textEnd: number; pmStart: number; pmEnd: number; segments: Segment[] };

export type TextPositionMap = { text: string; blocks: Block[] };

const BLOCK_SEPARATOR = '\n\n';

function walkBlocks(
  node: ProseMirrorNodeLike,
  contentStart: number,
  visit: (block: ProseMirrorNodeLike, pmStart: number) => void,
) {
  let pos = contentStart;
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child.isTextblock) visit(child, pos + 1);
    else if (!child.isLeaf) walkBlocks(child, pos + 1, visit);
    pos += child.nodeSize;
  }
}

export function buildTextPositionMap(doc: ProseMirrorNodeLike): TextPositionMap {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let textOffset = 0;
  walkBlocks(doc, 0, (block, pmStart) => {
    if (blocks.length) {
      parts.push(BLOCK_SEPARATOR);
      textOffset += BLOCK_SEPARATOR.length;
    }
    const segments: Segment[] = [];
    const textStart = textOffset;
    let pos = pmStart;
    for (let i = 0; i < block.childCount; i++) {
      const inline = block.child(i);
      const text = inline.isText ? (inline.text ?? '') : inline.type.name === 'hardBreak' ? '\n' : '';
      if (text) {
        const last = segments.at(-1);
        if (last && last.textStart + last.length === textOffset && last.pmStart + last.length === pos)
          last.length += text.length;
        else segments.push({ textStart: textOffset, pmStart: pos, length: text.length });
        parts.push(text);
        textOffset += text.length;
      }
      pos += inline.nodeSize;
    }
    blocks.push({ textStart, textEnd: textOffset, pmStart, pmEnd: pos, segments });
  });
  return { text: parts.join(''), blocks };
}

function findBlock<T>(items: T[], key: (item: T) => number, value: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (key(items[mid]!) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The document position of a text offset. Offsets inside a block separator snap to the
 * end of the block before (bias -1) or the start of the block after (bias 1).
 */
export function textOffsetToPosition(map: TextPositionMap, offset: number, bias: -1 | 1 = 1): number {
  if (!map.blocks.length) return 0;
  let block = map.blocks[findBlock(map.blocks, (b) => b.textStart, offset)]!;
  if (offset > block.textEnd) {
    const next = map.blocks[map.blocks.indexOf(block) + 1];
    if (bias === 1 && next) return next.pmStart;
    return block.pmEnd;
  }
  if (offset < block.textStart) block = map.blocks[0]!;
  const segments = block.segments;
  if (!segments.length) return block.pmStart;
  const segment = segments[findBlock(segments, (s) => s.textStart, offset)]!;
  if (offset < segment.textStart) return block.pmStart;
  if (offset > segment.textStart + segment.length) {
    // Between a segment and the next one there are only non-text inline nodes.
    const next = segments[segments.indexOf(segment) + 1];
    return bias === 1 && next ? next.pmStart : segment.pmStart + segment.length;
  }
  return segment.pmStart + (offset - segment.textStart);
}

/** The text offset of a document position; positions between blocks snap to the nearest block edge. */
export function positionToTextOffset(map: TextPositionMap, position: number): number {
  if (!map.blocks.length) return 0;
  const block = map.blocks[findBlock(map.blocks, (b) => b.pmStart, position)]!;
  if (position < block.pmStart) return block.textStart;
  if (position >= block.pmEnd) return block.textEnd;
  const segments = block.segments;
  if (!segments.length) return block.textStart;
  const segment = segments[findBlock(segments, (s) => s.pmStart, position)]!;
  if (position < segment.pmStart) return segment.textStart;
  return segment.textStart + Math.min(position - segment.pmStart, segment.length);
}
