// How close a passage is to a quote, as one number in [0, 1] that decides near vs not found.

/**
 * Length of the longest common subsequence of two word-id sequences. A plain two-row DP over
 * typed arrays: it runs for every candidate passage, most of them unrelated to the quote, and
 * there Myers' diff (fast when sequences are alike) degrades and allocates heavily.
 */
export function sharedWordCount(quote: number[], passage: number[]): number {
  const n = passage.length;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (const word of quote) {
    for (let j = 1; j <= n; j++) {
      current[j] = passage[j - 1] === word ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[n]!;
}

export type Similarity = { similarity: number; shared: number };

/**
 * The smaller of two ratios, each shared words (in order) / max(quote words, passage words):
 * over all words, and over content words only (function words removed). The first says the
 * passage says the same thing in about as many words; the second that the agreement is not
 * just "the … of … and". A quote or passage without any content words is judged on all words.
 */
export function passageSimilarity(
  quote: number[],
  quoteIsContent: boolean[],
  passage: number[],
  passageIsContent: boolean[],
): Similarity {
  const shared = sharedWordCount(quote, passage);
  const overall = shared / Math.max(1, quote.length, passage.length);
  const quoteContent = quote.filter((_, i) => quoteIsContent[i]);
  const passageContent = passage.filter((_, i) => passageIsContent[i]);
  if (quoteContent.length === 0 && passageContent.length === 0) return { similarity: overall, shared };
  const content = sharedWordCount(quoteContent, passageContent) / Math.max(quoteContent.length, passageContent.length);
  return { similarity: Math.min(overall, content), shared };
}
