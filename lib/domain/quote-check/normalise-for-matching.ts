// Normalisation used only to *find* a quote: two articles quoting the same words may differ in
// case, in typographic quotes and apostrophes, in dashes, in hyphenation ("family unit" vs
// "family-unit"), in spacing and in accents. Every normalised code unit remembers the
// original range it came from, so matches are reported on the original text.

/** Typographic and substitute apostrophes/single quotes, all read as `'`. */
const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4']);
/** Typographic double quotes and guillemets, all read as `"`. */
const DOUBLE_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02']);
/** Hyphens, dashes and the minus sign, all read as `-`. */
const DASHES = new Set([
  '-',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '\uFE58',
  '\uFE63',
  '\uFF0D',
]);
/** Invisible characters pasted text is full of (soft hyphen, zero-width spaces and joiners, BOM). */
const INVISIBLE = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

const WORD_CHAR = /[\p{L}\p{N}]/u;
const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE = /\s/;
// UTF-16 code units back to a string in one call (typed arrays are little-endian on every
// platform Node runs on). A lone surrogate decodes to U+FFFD, still one unit, so offsets hold.
const decoder = new TextDecoder('utf-16le');

export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 128)
    return (
      (codePoint >= 48 && codePoint <= 57) ||
      (codePoint >= 65 && codePoint <= 90) ||
      (codePoint >= 97 && codePoint <= 122)
    );
  return WORD_CHAR.test(String.fromCodePoint(codePoint));
}

// Non-ASCII folding goes through Unicode normalisation, which is slow per call; articles
// reuse a small alphabet, so the result is cached per character.
const foldCache = new Map<string, string>();

/** Compatibility-decomposes (ligatures, full-width forms, `…`), drops accents and lower-cases. */
function foldNonAscii(char: string): string {
  let folded = foldCache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
    if (foldCache.size < 10_000) foldCache.set(char, folded);
  }
  return folded;
}

export type NormalisedText = {
  text: string;
  /** For each code unit of `text`, the original offset where its source character starts. */
  origStart: Int32Array;
  /** For each code unit of `text`, the original offset where its source character (or whitespace run) ends. */
  origEnd: Int32Array;
};

function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.codePointAt(index - 2) ?? -1;
  return low;
}

/**
 * Case-folds, unifies quotes, apostrophes and dashes, reads a hyphen between two word
 * characters as a space, collapses whitespace runs to one space and drops invisible characters.
 * Output goes to typed arrays rather than a string builder: this runs over every article of a
 * workspace (~1.5 MB) on each check.
 */
export function normaliseForMatching(text: string): NormalisedText {
  let capacity = text.length + 16;
  let units = new Uint16Array(capacity);
  let origStart = new Int32Array(capacity);
  let origEnd = new Int32Array(capacity);
  let length = 0;
  let lastWasSpace = false;

  const grow = (needed: number) => {
    capacity = Math.max(capacity * 2, needed);
    const grownUnits = new Uint16Array(capacity);
    const grownStart = new Int32Array(capacity);
    const grownEnd = new Int32Array(capacity);
    grownUnits.set(units);
    grownStart.set(origStart);
    grownEnd.set(origEnd);
    units = grownUnits;
    origStart = grownStart;
    origEnd = grownEnd;
  };
  const emitUnit = (unit: number, start: number, end: number) => {
    if (length === capacity) grow(length + 1);
    units[length] = unit;
    origStart[length] = start;
    origEnd[length] = end;
    length++;
  };

  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 128 && code > 32 && code !== 45) {
      // Printable ASCII other than "-": only upper case changes.
      lastWasSpace = false;
      emitUnit(code >= 65 && code <= 90 ? code + 32 : code, i, i + 1);
      i++;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const char = width === 1 ? text[i]! : text.slice(i, i + 2);
    const next = i + width;

    if (codePoint === 32 || WHITESPACE.test(char)) {
      // Whitespace runs collapse into the space already emitted, which then covers the run.
      if (lastWasSpace) origEnd[length - 1] = next;
      else emitUnit(32, i, next);
      lastWasSpace = true;
      i = next;
      continue;
    }
    if (INVISIBLE.has(char)) {
      // Dropped without ending a whitespace run, so "a \u200B b" still reads "a b".
      i = next;
      continue;
    }
    lastWasSpace = false;

    if (DASHES.has(char)) {
      // "family-unit" and "family unit" are the same words to a reader.
      const between =
        isWordCodePoint(codePointBefore(text, i)) && next < text.length && isWordCodePoint(text.codePointAt(next)!);
      emitUnit(between ? 32 : 45, i, next);
    } else if (codePoint < 128) emitUnit(codePoint, i, next);
    else if (SINGLE_QUOTES.has(char)) emitUnit(39, i, next);
    else if (DOUBLE_QUOTES.has(char)) emitUnit(34, i, next);
    else {
      const folded = foldNonAscii(char);
      for (let k = 0; k < folded.length; k++) emitUnit(folded.charCodeAt(k), i, next);
    }
    i = next;
  }

  return {
    text: decoder.decode(units.subarray(0, length)),
    origStart: origStart.subarray(0, length),
    origEnd: origEnd.subarray(0, length),
  };
}

/** The original [start, end) range covered by normalised code units [start, end). */
export function toOriginalRange(normalised: NormalisedText, start: number, end: number): [number, number] {
  return [normalised.origStart[start]!, normalised.origEnd[end - 1]!];
}

const EDGE_PUNCTUATION = /^[\s"'.,;:!?()[\]{}\-*_/\\…]+|[\s"'.,;:!?()[\]{}\-*_/\\…]+$/g;

/**
 * The quote without the quotation marks and punctuation that frame it (`“…,”`): a quote
 * annotated with its marks in one article may appear without them, or with a different
 * closing punctuation, in another.
 */
export function trimFramingPunctuation(normalisedQuote: string): string {
  return normalisedQuote.replace(EDGE_PUNCTUATION, '');
}
