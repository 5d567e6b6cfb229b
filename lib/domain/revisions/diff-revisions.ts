// Comparing two revisions of an article: paragraphs first (a paragraph found again elsewhere is a
// move, not a deletion plus an insertion), then words within each changed paragraph. The `diff`
// package does the sequence alignment (Myers); the pairing of moves is ours because it works on
// whole paragraphs, which no word or line diff knows about.
import { diffArrays, diffWordsWithSpace } from 'diff';
import { BLOCK_SEPARATOR } from '../document/article-doc';

export type WordPart = { kind: 'equal' | 'removed' | 'added'; text: string };
type Span = { start: number; end: number };

export type RevisionDiffBlock =
  | { kind: 'equal'; text: string; from: Span; to: Span }
  | { kind: 'removed'; text: string; from: Span }
  | { kind: 'added'; text: string; to: Span }
  | { kind: 'changed'; words: WordPart[]; from: Span; to: Span }
  /** A paragraph that left its place (`from`) for another (`to`), unchanged. */
  | { kind: 'moved-away'; text: string; from: Span; movedTo: number }
  | { kind: 'moved-here'; text: string; to: Span; movedFrom: number };

type Paragraph = { text: string; span: Span; index: number };

function paragraphs(text: string): Paragraph[] {
  const list: Paragraph[] = [];
  let start = 0;
  text.split(BLOCK_SEPARATOR).forEach((paragraph, index) => {
    list.push({ text: paragraph, span: { start, end: start + paragraph.length }, index });
    start += paragraph.length + BLOCK_SEPARATOR.length;
  });
  return list;
}

export function diffRevisions(fromText: string, toText: string): RevisionDiffBlock[] {
  const from = paragraphs(fromText);
  const to = paragraphs(toText);
  const blocks: RevisionDiffBlock[] = [];
  let i = 0;
  let j = 0;
  const runs = diffArrays(
    from.map((p) => p.text),
    to.map((p) => p.text),
  );
  // Paragraphs removed in one place and added in another with the same text are moves.
  const removedTexts = new Map<string, number[]>();
  const addedTexts = new Map<string, number[]>();
  {
    let a = 0;
    let b = 0;
    for (const run of runs) {
      if (run.removed) for (let k = 0; k < run.count; k++) push(removedTexts, from[a + k]!.text, a + k);
      if (run.added) for (let k = 0; k < run.count; k++) push(addedTexts, to[b + k]!.text, b + k);
      if (!run.added) a += run.count;
      if (!run.removed) b += run.count;
    }
  }
  const movedFrom = new Map<number, number>();
  const movedTo = new Map<number, number>();
  for (const [text, removed] of removedTexts) {
    const added = addedTexts.get(text) ?? [];
    if (!text.trim()) continue;
    for (let k = 0; k < Math.min(removed.length, added.length); k++) {
      movedTo.set(removed[k]!, added[k]!);
      movedFrom.set(added[k]!, removed[k]!);
    }
  }
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (!run.added && !run.removed) {
      for (let k = 0; k < run.count; k++)
        blocks.push({ kind: 'equal', text: from[i + k]!.text, from: from[i + k]!.span, to: to[j + k]!.span });
      i += run.count;
      j += run.count;
      continue;
    }
    if (run.removed) {
      const next = runs[r + 1];
      const removed = from.slice(i, i + run.count).filter((p) => !movedTo.has(p.index));
      const addedRun = next?.added ? to.slice(j, j + next.count) : [];
      const added = addedRun.filter((p) => !movedFrom.has(p.index));
      // A removed paragraph followed by an added one in its place is one edited paragraph.
      const paired = Math.min(removed.length, added.length);
      for (const p of from.slice(i, i + run.count)) {
        if (movedTo.has(p.index))
          blocks.push({ kind: 'moved-away', text: p.text, from: p.span, movedTo: movedTo.get(p.index)! });
      }
      for (let k = 0; k < paired; k++) blocks.push(changedBlock(removed[k]!, added[k]!));
      for (const p of removed.slice(paired)) blocks.push({ kind: 'removed', text: p.text, from: p.span });
      for (const p of addedRun) {
        if (movedFrom.has(p.index))
          blocks.push({ kind: 'moved-here', text: p.text, to: p.span, movedFrom: movedFrom.get(p.index)! });
      }
      for (const p of added.slice(paired)) blocks.push({ kind: 'added', text: p.text, to: p.span });
      i += run.count;
      if (next?.added) {
        j += next.count;
        r++;
      }
      continue;
    }
    for (const p of to.slice(j, j + run.count)) {
      blocks.push(
        movedFrom.has(p.index)
          ? { kind: 'moved-here', text: p.text, to: p.span, movedFrom: movedFrom.get(p.index)! }
          : { kind: 'added', text: p.text, to: p.span },
      );
    }
    j += run.count;
  }
  return blocks;
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function changedBlock(removed: Paragraph, added: Paragraph): RevisionDiffBlock {
  const words = diffWordsWithSpace(removed.text, added.text).map((part): WordPart => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'equal',
    text: part.value,
  }));
  return { kind: 'changed', words, from: removed.span, to: added.span };
}

/** True when a block changed something (everything but equal paragraphs). */
export const isChange = (block: RevisionDiffBlock) => block.kind !== 'equal';

/** Characters that differ between two texts, outside their common start and end: the size of a change. */
export function changeSize(before: string, after: string): number {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return Math.max(before.length, after.length) - prefix - suffix;
}

/** Whether [start, end) overlaps a span. */
export const overlaps = (span: Span, start: number, end: number) => start < span.end && end > span.start;
