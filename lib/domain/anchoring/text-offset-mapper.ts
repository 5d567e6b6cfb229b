// Maps character offsets in an old revision's text to the new revision's text, block by
// block. Blocks (separated by a blank line) that survive unchanged keep their content, so
// offsets inside them map exactly, even when the block moved. Between two surviving blocks
// that kept their order, the edited stretch (its "frame") is trimmed of the text it shares
// at both ends with the new stretch, so a one-word edit in a paragraph still maps the rest
// of it exactly; inside it, a word diff keeps the unchanged runs between edits, so the words
// around a changed one map exactly and the old place of an edited one is known to within the
// edit. The re-anchorer searches the frame for what did not map.
import { diffWordsWithSpace } from 'diff';
import type { Region } from './match-quote';

const SEPARATOR = '\n\n';

type Block = { text: string; start: number; end: number };
/** Old text [oldStart, oldEnd) stands unchanged at newStart; displaced when it left its order. */
type Segment = { oldStart: number; oldEnd: number; newStart: number; displaced: boolean };
type Frame = { oldFrom: number; oldTo: number; newFrom: number; newTo: number };

export type Located = { start: number; end: number; displaced: boolean };

export type OffsetMapper = {
  /** The offset in the new text, when the old offset lies in text that survived unchanged. */
  map(offset: number): number | null;
  /** Where an old range stands now, when both of its ends lie in text that survived unchanged. */
  locate(start: number, end: number): Located | null;
  /** Where in the new text to look for content of an edited stretch: between its surviving neighbours. */
  regionFor(offset: number): Region;
  /** Where the old offset would be expected in the new text, for ranking candidates by distance. */
  hintFor(offset: number): number;
  /** How far from the hint a match can stand and still be in its old place (edits before it in its stretch). */
  slackFor(offset: number): number;
  /** How far the hint may be off: the edits around the offset; unbounded outside a clean frame. */
  uncertaintyFor(offset: number): number;
  /**
   * True when new text [start, end) is carried over unchanged from somewhere in the old text:
   * it already stood there before this revision, so it cannot be where other words went.
   */
  isCarried(start: number, end: number): boolean;
};

/** Unchanged runs shorter than this are coincidences (a space, "the"), not carried text. */
const MIN_RUN = 12;
/** The word diff of a frame is skipped beyond these sizes: the frame alone still bounds the search. */
const MAX_DIFFED_LENGTH = 20_000;
const MAX_DIFF_EDITS = 400;

/** The unchanged runs of a frame's middle (old text at oldFrom, new text at newFrom), as segments. */
function unchangedRuns(oldMiddle: string, newMiddle: string, oldFrom: number, newFrom: number): Segment[] {
  if (!oldMiddle || !newMiddle || oldMiddle.length > MAX_DIFFED_LENGTH || newMiddle.length > MAX_DIFFED_LENGTH)
    return [];
  const changes = diffWordsWithSpace(oldMiddle, newMiddle, { maxEditLength: MAX_DIFF_EDITS });
  if (!changes) return [];
  const runs: Segment[] = [];
  let oldAt = oldFrom;
  let newAt = newFrom;
  for (const change of changes) {
    const length = change.value.length;
    if (!change.added && !change.removed && length >= MIN_RUN)
      runs.push({ oldStart: oldAt, oldEnd: oldAt + length, newStart: newAt, displaced: false });
    if (!change.added) oldAt += length;
    if (!change.removed) newAt += length;
  }
  return runs;
}

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

/** Last index in sorted `items` whose key is <= value, or -1. */
function lastAtOrBefore<T>(items: T[], key: (item: T) => number, value: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]!) <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Old block index -> new block index (-1: edited or gone), and whether each kept its order. */
function matchBlocks(oldBlocks: Block[], newBlocks: Block[]) {
  const oldCounts = countTexts(oldBlocks);
  const newCounts = countTexts(newBlocks);
  const newIndexOfUnique = new Map<string, number>();
  newBlocks.forEach((block, index) => {
    if (newCounts.get(block.text) === 1) newIndexOfUnique.set(block.text, index);
  });

  // Blocks unique on both sides map to each other wherever they moved (patience diff).
  const target = new Array<number>(oldBlocks.length).fill(-1);
  const inOrder = new Array<boolean>(oldBlocks.length).fill(false);
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
  for (const index of ordered) inOrder[index] = true;
  const frames = [-1, ...ordered, oldBlocks.length];
  for (let f = 0; f + 1 < frames.length; f++) {
    const oldFrom = frames[f]! + 1;
    const oldTo = frames[f + 1]!;
    const newFrom = (frames[f]! === -1 ? -1 : target[frames[f]!]!) + 1;
    const newTo = frames[f + 1]! === oldBlocks.length ? newBlocks.length : target[frames[f + 1]!]!;
    for (let i = oldFrom, j = newFrom; i < oldTo && j < newTo && target[i] === -1; i++, j++) {
      if (oldBlocks[i]!.text !== newBlocks[j]!.text) break;
      target[i] = j;
      inOrder[i] = true;
    }
    for (let i = oldTo - 1, j = newTo - 1; i >= oldFrom && j >= newFrom && target[i] === -1; i--, j--) {
      if (oldBlocks[i]!.text !== newBlocks[j]!.text) break;
      target[i] = j;
      inOrder[i] = true;
    }
  }
  return { target, inOrder };
}

/** Lengths of the text two strings share at their start and at their end (not overlapping). */
function sharedEnds(a: string, b: string): [number, number] {
  const limit = Math.min(a.length, b.length);
  let head = 0;
  while (head < limit && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return [head, tail];
}

export function buildOffsetMapper(oldText: string, newText: string): OffsetMapper {
  const segments: Segment[] = [];
  const frames: Frame[] = [];
  if (oldText === newText) {
    segments.push({ oldStart: 0, oldEnd: oldText.length, newStart: 0, displaced: false });
  } else {
    const oldBlocks = splitBlocks(oldText);
    const newBlocks = splitBlocks(newText);
    const { target, inOrder } = matchBlocks(oldBlocks, newBlocks);
    const newMapped = new Array<boolean>(newBlocks.length).fill(false);
    oldBlocks.forEach((block, i) => {
      if (target[i] === -1) return;
      newMapped[target[i]!] = true;
      segments.push({
        oldStart: block.start,
        oldEnd: block.end,
        newStart: newBlocks[target[i]!]!.start,
        displaced: !inOrder[i],
      });
    });
    // Each run of edited old blocks between two neighbours that kept their order, facing only
    // unmatched new blocks, is a frame: trim what it shares with the new stretch at both ends.
    for (let i = 0; i < oldBlocks.length; i++) {
      if (target[i] !== -1) continue;
      let j = i;
      while (j + 1 < oldBlocks.length && target[j + 1] === -1) j++;
      const before = i - 1;
      const after = j + 1;
      const newBefore = before >= 0 ? target[before]! : -1;
      const newAfter = after < oldBlocks.length ? target[after]! : newBlocks.length;
      let clean =
        newBefore < newAfter && (before < 0 || inOrder[before]!) && (after >= oldBlocks.length || inOrder[after]!);
      for (let k = newBefore + 1; clean && k < newAfter; k++) if (newMapped[k]) clean = false;
      if (clean) {
        // As many edited blocks on both sides: pair them up, so each is a frame of its own.
        const paired = j - i === newAfter - newBefore - 2;
        const runFrames = paired
          ? oldBlocks.slice(i, j + 1).map((block, k) => {
              const newBlock = newBlocks[newBefore + 1 + k]!;
              return { oldFrom: block.start, oldTo: block.end, newFrom: newBlock.start, newTo: newBlock.end };
            })
          : [
              {
                oldFrom: before >= 0 ? oldBlocks[before]!.end : 0,
                oldTo: after < oldBlocks.length ? oldBlocks[after]!.start : oldText.length,
                newFrom: newBefore >= 0 ? newBlocks[newBefore]!.end : 0,
                newTo: newAfter < newBlocks.length ? newBlocks[newAfter]!.start : newText.length,
              },
            ];
        for (const frame of runFrames) {
          frames.push(frame);
          const [head, tail] = sharedEnds(
            oldText.slice(frame.oldFrom, frame.oldTo),
            newText.slice(frame.newFrom, frame.newTo),
          );
          if (head)
            segments.push({
              oldStart: frame.oldFrom,
              oldEnd: frame.oldFrom + head,
              newStart: frame.newFrom,
              displaced: false,
            });
          if (tail)
            segments.push({
              oldStart: frame.oldTo - tail,
              oldEnd: frame.oldTo,
              newStart: frame.newTo - tail,
              displaced: false,
            });
          segments.push(
            ...unchangedRuns(
              oldText.slice(frame.oldFrom + head, frame.oldTo - tail),
              newText.slice(frame.newFrom + head, frame.newTo - tail),
              frame.oldFrom + head,
              frame.newFrom + head,
            ),
          );
        }
      }
      i = j;
    }
    segments.sort((a, b) => a.oldStart - b.oldStart);
  }
  const byNew = [...segments].sort((a, b) => a.newStart - b.newStart);

  // Fallback frame for offsets outside a clean frame: between the nearest in-order segments.
  function looseRegion(offset: number): Region {
    let from = 0;
    let to = newText.length;
    for (const segment of segments) {
      if (segment.displaced) continue;
      if (segment.oldEnd <= offset) from = segment.newStart + (segment.oldEnd - segment.oldStart);
      else if (segment.oldStart > offset) {
        to = segment.newStart;
        break;
      }
    }
    return from <= to ? { from, to } : { from: 0, to: newText.length };
  }

  const frameAt = (offset: number) => {
    const index = lastAtOrBefore(frames, (frame) => frame.oldFrom, offset);
    const frame = index >= 0 ? frames[index]! : null;
    return frame && offset <= frame.oldTo ? frame : null;
  };

  /** The edited gap of a frame around an old offset: between the unchanged runs either side of it. */
  function gapAt(frame: Frame, offset: number): Frame {
    const gap = { ...frame };
    const index = lastAtOrBefore(segments, (segment) => segment.oldStart, offset);
    const before = index >= 0 ? segments[index]! : null;
    if (before && before.oldStart >= frame.oldFrom && offset < before.oldEnd) {
      const newAt = before.newStart + (offset - before.oldStart);
      return { oldFrom: offset, oldTo: before.oldEnd, newFrom: newAt, newTo: newAt + (before.oldEnd - offset) };
    }
    if (before && before.oldStart >= frame.oldFrom && before.oldEnd <= offset) {
      gap.oldFrom = before.oldEnd;
      gap.newFrom = before.newStart + (before.oldEnd - before.oldStart);
    }
    const after = segments[index + 1];
    if (after && after.oldEnd <= frame.oldTo) {
      gap.oldTo = after.oldStart;
      gap.newTo = after.newStart;
    }
    return gap.newFrom <= gap.newTo ? gap : frame;
  }

  function mapWith(offset: number, atEnd: boolean): Segment | null {
    const index = lastAtOrBefore(segments, (segment) => segment.oldStart, atEnd ? offset - 1 : offset);
    const segment = index >= 0 ? segments[index]! : null;
    if (!segment) return null;
    return (atEnd ? offset <= segment.oldEnd : offset < segment.oldEnd) ? segment : null;
  }

  return {
    map(offset) {
      const segment = mapWith(offset, false) ?? mapWith(offset, true);
      return segment ? segment.newStart + (offset - segment.oldStart) : null;
    },
    locate(start, end) {
      const first = mapWith(start, false);
      const last = mapWith(end, true);
      if (!first || !last) return null;
      const newStart = first.newStart + (start - first.oldStart);
      const newEnd = last.newStart + (end - last.oldStart);
      if (newEnd < newStart) return null;
      return { start: newStart, end: newEnd, displaced: first.displaced || last.displaced };
    },
    regionFor(offset) {
      const frame = frameAt(offset);
      return frame ? { from: frame.newFrom, to: frame.newTo } : looseRegion(offset);
    },
    hintFor(offset) {
      const frame = frameAt(offset);
      if (frame) {
        const gap = gapAt(frame, offset);
        return Math.min(gap.newTo, gap.newFrom + (offset - gap.oldFrom));
      }
      const region = looseRegion(offset);
      return Math.min(region.to, Math.max(region.from, offset));
    },
    slackFor(offset) {
      const frame = frameAt(offset);
      // Outside a clean frame the hint is only a guess: nothing is "in place" far from it.
      if (!frame) return 0;
      const gap = gapAt(frame, offset);
      return Math.abs(gap.newTo - gap.newFrom - (gap.oldTo - gap.oldFrom));
    },
    uncertaintyFor(offset) {
      return frameAt(offset) ? this.slackFor(offset) : Infinity;
    },
    isCarried(start, end) {
      const index = lastAtOrBefore(byNew, (segment) => segment.newStart, start);
      const segment = index >= 0 ? byNew[index]! : null;
      return !!segment && end <= segment.newStart + (segment.oldEnd - segment.oldStart);
    },
  };
}
