// Smith–Waterman local alignment over word ids: the stretch of a source region that lines up
// best with (part of) the quote, tolerating substituted, inserted and dropped words, which is
// what a paraphrased or loosely transcribed quotation looks like.
//
// Scores: a shared word +2, a substituted word -1, an inserted/dropped word -1. With +1/-1 a
// rephrased middle ("appropriate consideration of the impact" → "effective implementation of
// the policy, especially with regard to") costs more than the shared words after it earn,
// and the alignment stops halfway through the quote; +2 lets it carry on through a rewritten
// clause when the words around it agree, while a run of unrelated words still ends it.
const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

export type LocalAlignment = {
  score: number;
  /** Aligned quote tokens [quoteStart, quoteEnd), relative to the quote. */
  quoteStart: number;
  quoteEnd: number;
  /** Aligned source tokens [sourceStart, sourceEnd), as positions in `source`. */
  sourceStart: number;
  sourceEnd: number;
  matches: number;
};

/** Best local alignment of `quote` with `source[from, to)`, or null when no word is shared. */
export function alignLocally(quote: Int32Array, source: Int32Array, from: number, to: number): LocalAlignment | null {
  const m = quote.length;
  const n = to - from;
  if (m === 0 || n <= 0) return null;
  const width = n + 1;
  const h = new Int32Array((m + 1) * width);
  let best = 0;
  let bestI = 0;
  let bestJ = 0;
  for (let i = 1; i <= m; i++) {
    const word = quote[i - 1]!;
    const row = i * width;
    const above = row - width;
    for (let j = 1; j <= n; j++) {
      let value = h[above + j - 1]! + (source[from + j - 1] === word ? MATCH : MISMATCH);
      const up = h[above + j]! + GAP;
      if (up > value) value = up;
      const left = h[row + j - 1]! + GAP;
      if (left > value) value = left;
      if (value > 0) {
        h[row + j] = value;
        if (value > best) {
          best = value;
          bestI = i;
          bestJ = j;
        }
      }
    }
  }
  if (best === 0) return null;

  // Trace back from the best cell until the score drops to zero: that is where the local
  // alignment begins. Diagonal moves are preferred so shared words are counted.
  let i = bestI;
  let j = bestJ;
  let matches = 0;
  while (i > 0 && j > 0 && h[i * width + j]! > 0) {
    const value = h[i * width + j]!;
    const same = source[from + j - 1] === quote[i - 1];
    if (value === h[(i - 1) * width + j - 1]! + (same ? MATCH : MISMATCH)) {
      if (same) matches++;
      i--;
      j--;
    } else if (value === h[(i - 1) * width + j]! + GAP) i--;
    else j--;
  }
  return { score: best, quoteStart: i, quoteEnd: bestI, sourceStart: from + j, sourceEnd: from + bestJ, matches };
}
