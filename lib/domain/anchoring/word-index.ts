// An index of the words of the new text, built once per revision and only when some quote
// was not found near its old place: it turns "look for these words anywhere" into a visit of
// the few places where the quote's rarest word occurs, instead of a scan of the whole text.
const WORD = /[\p{L}\p{N}]+/gu;
const IS_WORD_CHAR = /[\p{L}\p{N}]/u;

export type QuoteWord = { word: string; offset: number; whole: boolean };

/** The words of a quote with their offsets; whole when not cut by the quote's boundaries. */
export function quoteWords(exact: string, before: string, after: string): QuoteWord[] {
  const words: QuoteWord[] = [];
  for (const match of exact.matchAll(WORD)) {
    const end = match.index + match[0].length;
    const cutAtStart = match.index === 0 && IS_WORD_CHAR.test(before.slice(-1));
    const cutAtEnd = end === exact.length && IS_WORD_CHAR.test(after.charAt(0));
    words.push({ word: match[0].toLowerCase(), offset: match.index, whole: !cutAtStart && !cutAtEnd });
  }
  return words;
}

export class WordIndex {
  private readonly positions = new Map<string, number[]>();

  constructor(text: string) {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      const list = this.positions.get(word);
      if (list) list.push(match.index);
      else this.positions.set(word, [match.index]);
    }
  }

  /** Where the word (lower-cased) starts in the text, ascending. */
  occurrences(word: string): readonly number[] {
    return this.positions.get(word) ?? [];
  }

  /** The quote's whole words that occur in the text, rarest first. */
  rarest(words: QuoteWord[]): QuoteWord[] {
    return words
      .filter((word) => word.whole && this.occurrences(word.word).length > 0)
      .sort((a, b) => this.occurrences(a.word).length - this.occurrences(b.word).length);
  }
}
