// Word tokens for near matching and diffs, read from the *normalised* text so that a token's
// key already ignores case, accents, apostrophe style, invisible characters and hyphenation
// ("family-unit" = "family unit"), exactly as the exact search does. Punctuation is not a
// token: two reports of the same sentence differ in commas and quotation marks far more often
// than in words, and a fact-checker cares about the words.
import { normaliseForMatching, type NormalisedText } from './normalise-for-matching';

/**
 * A word is a run of letters/digits, joined across an apostrophe before a letter
 * ("department's", "don't") and across `.`/`,`/`:` between digits ("3.5", "10,000", "9:30")
 * so numbers stay whole. Currency, percent and a few other symbols are one-character tokens,
 * because "5%" and "5 percent" or "$5" and "€5" differ in substance.
 */
const TOKEN =
  /[\p{L}\p{N}\p{M}]+(?:(?:'(?=\p{L})|(?<=\p{N})[.,:](?=\p{N}))[\p{L}\p{N}\p{M}]+)*|[\p{Sc}%&§°±×÷=<>+#@]/gu;

/** `key` is the normalised word; `start`/`end` are offsets in the original text. */
export type WordToken = { key: string; start: number; end: number };

/** Calls `visit` for every word of a normalised text, with its original [start, end) offsets. */
export function forEachToken(
  normalised: NormalisedText,
  visit: (key: string, start: number, end: number) => void,
): void {
  const { text, origStart, origEnd } = normalised;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    visit(match[0], origStart[match.index]!, origEnd[match.index + match[0].length - 1]!);
  }
}

export function tokenise(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  forEachToken(normaliseForMatching(text), (key, start, end) => tokens.push({ key, start, end }));
  return tokens;
}

/** A full stop, question or exclamation mark followed by space, or a line break: the end of a sentence or paragraph. */
const SENTENCE_BREAK = /[.!?…]\S*\s|\n/;

/** Whether the original text between two tokens ends one sentence (or paragraph) and starts another. */
export function isSentenceBreak(separator: string): boolean {
  return SENTENCE_BREAK.test(separator);
}
