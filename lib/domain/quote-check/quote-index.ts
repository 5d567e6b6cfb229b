// Everything the Quote check needs to know about the candidate source articles, built once
// per check so that ~200 quotes share it: each article's normalised text (exact step) and an
// inverted index of word tokens (near step). Token data live in flat typed arrays over all
// articles, in article order, so a global token position identifies article and offset.
import { normaliseForMatching, type NormalisedText } from './normalise-for-matching';
import { isFunctionWord } from './function-words';
import { forEachToken } from './tokenise';
import type { QuoteCheckSource } from './types';

export type IndexedArticle = {
  /** Position of the article in `QuoteIndex.articles`. */
  index: number;
  articleId: string;
  text: string;
  normalised: NormalisedText;
  /** Global token positions [firstToken, endToken) of this article. */
  firstToken: number;
  endToken: number;
};

export type QuoteIndex = {
  articles: IndexedArticle[];
  /** Normalised word → id; ids are dense from 0. */
  vocabulary: Map<string, number>;
  /** 1 for word ids that are function words ("the", "of"), by id. */
  functionWord: Uint8Array;
  tokenIds: Int32Array;
  tokenStarts: Int32Array;
  tokenEnds: Int32Array;
  tokenArticle: Int32Array;
  /** Positions of word id w are `postings[postingStart[w] .. postingStart[w + 1])`, ascending. */
  postingStart: Int32Array;
  postings: Int32Array;
  totalTokens: number;
};

export function buildQuoteIndex(sources: QuoteCheckSource[]): QuoteIndex {
  const vocabulary = new Map<string, number>();
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const owners: number[] = [];
  const articles: IndexedArticle[] = sources.map((source, index) => {
    const firstToken = ids.length;
    const normalised = normaliseForMatching(source.text);
    forEachToken(normalised, (key, start, end) => {
      let id = vocabulary.get(key);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(key, id);
      }
      ids.push(id);
      starts.push(start);
      ends.push(end);
      owners.push(index);
    });
    return {
      index,
      articleId: source.articleId,
      text: source.text,
      normalised,
      firstToken,
      endToken: ids.length,
    };
  });

  const tokenIds = Int32Array.from(ids);
  // Counting sort of positions by word id: postings come out ascending within each id.
  const postingStart = new Int32Array(vocabulary.size + 1);
  for (const id of tokenIds) postingStart[id + 1]!++;
  for (let w = 0; w < vocabulary.size; w++) postingStart[w + 1]! += postingStart[w]!;
  const fill = postingStart.slice(0, vocabulary.size);
  const postings = new Int32Array(tokenIds.length);
  for (let position = 0; position < tokenIds.length; position++) postings[fill[tokenIds[position]!]!++] = position;

  const functionWord = new Uint8Array(vocabulary.size);
  for (const [key, id] of vocabulary) functionWord[id] = isFunctionWord(key) ? 1 : 0;

  return {
    articles,
    vocabulary,
    functionWord,
    tokenIds,
    tokenStarts: Int32Array.from(starts),
    tokenEnds: Int32Array.from(ends),
    tokenArticle: Int32Array.from(owners),
    postingStart,
    postings,
    totalTokens: tokenIds.length,
  };
}
