// Word-level diff between a quote and the passage found for it. Words are compared by their
// normalised keys (so "Department’s"/"department's" and "family-unit"/"family unit" are not
// flagged), then each run is shown in its original spelling and punctuation.
import { diffArrays } from 'diff';
import { tokenise, type WordToken } from './tokenise';
import type { DiffSegment } from './types';

export type { DiffSegment } from './types';

const MAX_ABSORBED_EQUALITY = 2;

type Run = { kind: 'equal'; count: number } | { kind: 'edit'; quote: number; source: number };

/** Runs of equal words and of edits (any mix of quote-only and source-only words), merged. */
function toRuns(quoteKeys: string[], sourceKeys: string[]): Run[] {
  const runs: Run[] = [];
  const push = (run: Run) => {
    const last = runs.at(-1);
    if (last?.kind === 'edit' && run.kind === 'edit') {
      last.quote += run.quote;
      last.source += run.source;
    } else if (last?.kind === 'equal' && run.kind === 'equal') last.count += run.count;
    else runs.push(run);
  };
  for (const change of diffArrays(quoteKeys, sourceKeys)) {
    const count = change.count;
    if (change.added) push({ kind: 'edit', quote: 0, source: count });
    else if (change.removed) push({ kind: 'edit', quote: count, source: 0 });
    else push({ kind: 'equal', count });
  }
  return runs;
}

/**
 * Folds short equalities between two edits into the edits, as diff-match-patch's semantic
 * cleanup does: in "appropriate consideration of the impact" → "effective implementation of
 * the policy" the shared "of the" is coincidence, and showing it as unchanged chops one
 * rewritten phrase into fragments. An equality survives if it is longer than the larger side
 * of the edit before it or of the edit after it, or if it runs to three words or more: a
 * three-word agreement ("of family unit") is rarely chance, and absorbing it would let the
 * merged edits snowball over real agreement.
 */
function absorbShortEqualities(runs: Run[]): Run[] {
  let current = runs;
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 1; k < current.length - 1; k++) {
      const run = current[k]!;
      const before = current[k - 1]!;
      const after = current[k + 1]!;
      if (run.kind !== 'equal' || before.kind !== 'edit' || after.kind !== 'edit') continue;
      if (
        run.count <= MAX_ABSORBED_EQUALITY &&
        run.count <= Math.max(before.quote, before.source) &&
        run.count <= Math.max(after.quote, after.source)
      ) {
        const merged: Run = {
          kind: 'edit',
          quote: before.quote + run.count + after.quote,
          source: before.source + run.count + after.source,
        };
        current = [...current.slice(0, k - 1), merged, ...current.slice(k + 2)];
        changed = true;
        break;
      }
    }
  }
  return current;
}

/** Original text of tokens [from, to): from the first token up to the next token (or the end), so separators ride along. */
function piece(text: string, tokens: WordToken[], from: number, to: number): string {
  if (from === to) return '';
  const start = from === 0 ? 0 : tokens[from]!.start;
  const end = to < tokens.length ? tokens[to]!.start : text.length;
  return text.slice(start, end);
}

const brackets = (text: string) => text.replace(/[^[\]]/g, '');

/**
 * Segments in reading order; within an edit the quote's words come before the source's.
 * Text before the first word (an opening quotation mark) belongs to the first quote piece and
 * the source passage's leading text to its first piece, so equal + quote_only segments
 * concatenate to the quote exactly.
 */
export function diffQuoteWords(quote: string, passage: string): DiffSegment[] {
  const quoteTokens = tokenise(quote);
  const sourceTokens = tokenise(passage);
  const runs = absorbShortEqualities(
    toRuns(
      quoteTokens.map((token) => token.key),
      sourceTokens.map((token) => token.key),
    ),
  );
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  let q = 0;
  let s = 0;
  for (const run of runs) {
    if (run.kind === 'equal') {
      // Equal words read in the quote's spelling, except where square brackets differ: brackets
      // mark an alteration in a quotation ("[the] plan"), which a reviewer must see on either side.
      const differs = (i: number) =>
        brackets(piece(quote, quoteTokens, q + i, q + i + 1)) !==
        brackets(piece(passage, sourceTokens, s + i, s + i + 1));
      let first = 0;
      while (first < run.count && !differs(first)) first++;
      let last = run.count - 1;
      while (last > first && !differs(last)) last--;
      push('equal', piece(quote, quoteTokens, q, q + first));
      if (first < run.count) {
        push('quote_only', piece(quote, quoteTokens, q + first, q + last + 1));
        push('source_only', piece(passage, sourceTokens, s + first, s + last + 1));
        push('equal', piece(quote, quoteTokens, q + last + 1, q + run.count));
      }
      q += run.count;
      s += run.count;
    } else {
      push('quote_only', piece(quote, quoteTokens, q, q + run.quote));
      push('source_only', piece(passage, sourceTokens, s, s + run.source));
      q += run.quote;
      s += run.source;
    }
  }
  // A quote without words (only punctuation) still reads back whole.
  if (quoteTokens.length === 0) push('equal', quote);
  return segments;
}
