// The keyboard reading cursor as plain-text offsets into the article (see docToPlainText), so it
// moves the same way across block windows, mounted or not.
import { BLOCK_SEPARATOR } from '@/lib/domain/document/article-doc';

export type ReadingCursor = { anchor: number; head: number };
export type Direction = 1 | -1;

const WORD = /[\p{L}\p{N}\p{M}'’_-]/u;

const clamp = (text: string, offset: number) => Math.max(0, Math.min(text.length, offset));

/** Inside the separator between two blocks there is no character to stand on. */
function insideSeparator(text: string, offset: number): boolean {
  for (let i = 1; i < BLOCK_SEPARATOR.length; i++) {
    const start = offset - i;
    if (start >= 0 && text.startsWith(BLOCK_SEPARATOR, start)) return true;
  }
  return false;
}

/** One character on, stepping over a block separator in one go. */
export function moveByCharacter(text: string, offset: number, direction: Direction): number {
  let next = clamp(text, offset + direction);
  while (next > 0 && next < text.length && insideSeparator(text, next)) next += direction;
  return next;
}

/** Forward: to the end of the next word; backward: to the start of the previous one. */
export function moveByWord(text: string, offset: number, direction: Direction): number {
  let next = clamp(text, offset);
  const isWordChar = (at: number) => {
    const char = direction === 1 ? text[at] : text[at - 1];
    return char === undefined ? null : WORD.test(char);
  };
  while (isWordChar(next) === false) next += direction;
  while (isWordChar(next) === true) next += direction;
  return next;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentence the offset stands in (at a sentence's end: that sentence), without surrounding space. */
export function sentenceAt(text: string, offset: number): { start: number; end: number } | null {
  const at = clamp(text, offset);
  let found: { start: number; end: number } | null = null;
  for (const segment of sentences.segment(text)) {
    let start = segment.index;
    let end = start + segment.segment.length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    if (at < start) return { start, end };
    found = { start, end };
    if (at <= end) return found;
  }
  return found;
}

type Located = { id: string; start: number; end: number };

/** Document order: by start, then end, then id, so equal spans still have a stable order. */
export function inDocumentOrder<T extends Located>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
}

/**
 * The annotation after (or before) the current one, or, with none current, after (before) the
 * cursor. Stops at either end rather than wrapping, so a reader knows they reached the last one.
 */
export function adjacentAnnotation<T extends Located>(
  list: readonly T[],
  from: { id: string | null; offset: number },
  direction: Direction,
): T | null {
  const ordered = inDocumentOrder(list);
  const index = from.id ? ordered.findIndex((item) => item.id === from.id) : -1;
  if (index >= 0) return ordered[index + direction] ?? null;
  if (direction === 1) return ordered.find((item) => item.start >= from.offset) ?? null;
  return ordered.findLast((item) => item.start < from.offset) ?? null;
}
