// Maps character offsets in an old revision's text to the new revision's text, block by
// block. Blocks (separated by a blank line) that survive unchanged keep their content, so
// offsets inside them map exactly, even when the block moved; offsets in edited blocks do
// not map, and the re-anchorer searches the region where the block now stands.
import type { Region } from './match-quote';

const SEPARATOR = '\n\n';

type Block = { text: string; start: number; end: number };

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf(SEPARATOR, start);
    const end = at === -1 ? text.length : at;
    blocks.push({ text: text.slice(start, end), start, end });
    if (at === -1) return blocks;
    start = at + SEPARATOR.length;
  }
}

function countTexts(blocks: Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of blocks) counts.set(block.text, (counts.get(block.text) ?? 0) + 1);
  return counts;
}

/** Longest increasing subsequence of `values` (indices into it), O(n log n). */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < values[i]!) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const result: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]!) result.push(i);
  return result.reverse();
}

export type OffsetMapper = {
  /** The offset in the new text, when the old offset lies in a block that survived unchanged. */
  map(offset: number): number | null;
  /** Where in the new text to look for content of an edited block: between its surviving neighbours. */
  regionFor(offset: number): Region;
};

export function buildOffsetMapper(oldText: string, newText: string): OffsetMapper {
  if (oldText === newText) {
    return { map: (offset) => offset, regionFor: () => ({ from: 0, to: newText.length }) };
  }
  const oldBlocks = splitBlocks(oldText);
  const newBlocks = splitBlocks(newText);
  const oldCounts = countTexts(oldBlocks);
  const newCounts = countTexts(newBlocks);
  const newIndexOfUnique = new Map<string, number>();
  newBlocks.forEach((block, index) => {
    if (newCounts.get(block.text) === 1) newIndexOfUnique.set(block.text, index);
  });

  // Blocks unique on both sides map to each other wherever they moved (patience diff).
  const target = new Array<number>(oldBlocks.length).fill(-1);
  const uniqueOld: number[] = [];
  oldBlocks.forEach((block, index) => {
    const newIndex = oldCounts.get(block.text) === 1 ? newIndexOfUnique.get(block.text) : undefined;
    if (newIndex !== undefined) {
      target[index] = newIndex;
      uniqueOld.push(index);
    }
  });

  // Ordered anchors (blocks that kept their relative order) frame the gaps in between;
  // repeated blocks in a gap map pairwise when the gap kept them in the same order.
  const ordered = longestIncreasing(uniqueOld.map((index) => target[index]!)).map((i) => uniqueOld[i]!);
  const frames = [-1, ...ordered, oldBlocks.length];
  for (let f = 0; f + 1 < frames.length; f++) {
    const oldFrom = frames[f]! + 1;
    const oldTo = frames[f + 1]!;
    const newFrom = (frames[f]! === -1 ? -1 : target[frames[f]!]!) + 1;
    const newTo = frames[f + 1]! === oldBlocks.length ? newBlocks.length : target[frames[f + 1]!]!;
    for (let i = oldFrom, j = newFrom; i < oldTo && j < newTo && target[i] === -1; i++, j++) {
      if (oldBlocks[i]!.text !== newBlocks[j]!.text) break;
      target[i] = j;
    }
    for (let i = oldTo - 1, j = newTo - 1; i >= oldFrom && j >= newFrom && target[i] === -1; i--, j--) {
      if (oldBlocks[i]!.text !== newBlocks[j]!.text) break;
      target[i] = j;
    }
  }

  function blockIndexAt(offset: number): number {
    let low = 0;
    let high = oldBlocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (oldBlocks[mid]!.start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  return {
    map(offset) {
      const index = blockIndexAt(offset);
      const block = oldBlocks[index]!;
      const newIndex = target[index]!;
      if (newIndex === -1 || offset > block.end) return null;
      return newBlocks[newIndex]!.start + (offset - block.start);
    },
    regionFor(offset) {
      const index = blockIndexAt(offset);
      let before = index - 1;
      while (before >= 0 && target[before] === -1) before--;
      let after = index + 1;
      while (after < oldBlocks.length && target[after] === -1) after++;
      const from = before >= 0 ? newBlocks[target[before]!]!.end : 0;
      const to = after < oldBlocks.length ? newBlocks[target[after]!]!.start : newText.length;
      // A neighbour that moved makes the frame meaningless: search everywhere.
      return from <= to ? { from, to } : { from: 0, to: newText.length };
    },
  };
}
