// Property: whatever sequence of revisions happens around or inside annotated passages,
// re-anchoring never attaches an annotation to other words. After each revision every result
// is the same exact text (exact or moved), a fuzzy match within the declared error bound near
// where the words went (tracked here independently of the engine) or with its context
// intact, or orphaned; and exact is reported only when the words and their context are the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTextRange } from './describe-text-range';
import { INTACT_CONTEXT, maxFuzzyErrors } from './match-quote';
import { reanchorAll } from './reanchor';
import { contextAgreement } from './text-similarity';
import type { Anchor } from './types';

const words = [
  'the',
  'report',
  'said',
  'Sessions',
  'children',
  'policy',
  'prosecutors',
  '“quoted”',
  'naïve',
  'café',
  '—',
  'and',
  'a',
  'DOJ',
];
const sentence = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 14 }).map((w) => w.join(' ') + '.');
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const articleText = fc.array(paragraph, { minLength: 2, maxLength: 8 }).map((p) => p.join('\n\n'));

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'moveParagraph'; from: number; to: number }
  | { kind: 'deleteParagraph'; index: number };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(sentence, fc.string({ maxLength: 6 }), fc.constant('\n\n')),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('moveParagraph' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('deleteParagraph' as const), index: fc.nat() }),
);

function applyEdit(text: string, edit: Edit): string {
  const at = (n: number) => (text.length ? n % (text.length + 1) : 0);
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at(edit.at)) + edit.text + text.slice(at(edit.at));
    case 'delete':
      return text.slice(0, at(edit.at)) + text.slice(at(edit.at) + edit.length);
    case 'replace':
      return text.slice(0, at(edit.at)) + edit.text + text.slice(at(edit.at) + edit.length);
    case 'moveParagraph': {
      const paragraphs = text.split('\n\n');
      const [moved] = paragraphs.splice(edit.from % paragraphs.length, 1);
      paragraphs.splice(edit.to % (paragraphs.length + 1), 0, moved!);
      return paragraphs.join('\n\n');
    }
    case 'deleteParagraph': {
      const paragraphs = text.split('\n\n');
      if (paragraphs.length > 1) paragraphs.splice(edit.index % paragraphs.length, 1);
      return paragraphs.join('\n\n');
    }
  }
}

/** Where an offset of the text before the edit is after it (the edit point, when its text was deleted). */
function mapOffset(text: string, edit: Edit, offset: number): number {
  const at = (n: number) => (text.length ? n % (text.length + 1) : 0);
  const shift = (from: number, removed: number, inserted: number) =>
    offset < from ? offset : offset >= from + removed ? offset - removed + inserted : from;
  switch (edit.kind) {
    case 'insert':
      return shift(at(edit.at), 0, edit.text.length);
    case 'delete':
      return shift(at(edit.at), Math.min(edit.length, text.length - at(edit.at)), 0);
    case 'replace':
      return shift(at(edit.at), Math.min(edit.length, text.length - at(edit.at)), edit.text.length);
    case 'moveParagraph':
    case 'deleteParagraph': {
      const paragraphs = text.split('\n\n');
      const starts = paragraphs.map((_, i) => paragraphs.slice(0, i).reduce((sum, p) => sum + p.length + 2, 0));
      const order = paragraphs.map((_, i) => i);
      if (edit.kind === 'moveParagraph') {
        const [moved] = order.splice(edit.from % paragraphs.length, 1);
        order.splice(edit.to % (order.length + 1), 0, moved!);
      } else if (paragraphs.length > 1) order.splice(edit.index % paragraphs.length, 1);
      const newStarts = new Map<number, number>();
      order.reduce((start, index) => (newStarts.set(index, start), start + paragraphs[index]!.length + 2), 0);
      let p = paragraphs.length - 1;
      while (p > 0 && starts[p]! > offset) p--;
      const within = Math.min(offset - starts[p]!, paragraphs[p]!.length);
      if (newStarts.has(p)) return newStarts.get(p)! + within;
      const next = order.find((index) => index > p);
      return next === undefined ? applyEdit(text, edit).length : newStarts.get(next)!;
    }
  }
}

/** Levenshtein distance, to check the fuzzy bound independently of the matcher. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const scenario = articleText.chain((text) =>
  fc.record({
    text: fc.constant(text),
    ranges: fc.array(
      fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 60 }))
        .map(([start, length]) => [start, Math.min(text.length, start + length)] as const),
      { minLength: 1, maxLength: 6 },
    ),
    revisions: fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 6 }),
  }),
);

const sameContext = (text: string, anchor: Anchor, start: number) =>
  start >= anchor.quote.prefix.length &&
  text.slice(start - anchor.quote.prefix.length, start) === anchor.quote.prefix &&
  text.slice(start + anchor.quote.exact.length).startsWith(anchor.quote.suffix);

/**
 * Where the fuzzy match may stand: near where either end of the words went (a quote across
 * two paragraphs can be split by moving one), or anywhere with its context intact.
 */
function nearOrIntact(text: string, anchor: Anchor, start: number, end: number, expected: Tracked): boolean {
  const reach = anchor.quote.exact.length + 64;
  const near = (offset: number) =>
    Math.abs(offset - expected.start) <= reach || Math.abs(offset - expected.end) <= reach;
  if (near(start) || near(end)) return true;
  const agreement = contextAgreement(text, anchor.quote, start, end);
  return (agreement.prefix + agreement.suffix) / 2 >= INTACT_CONTEXT;
}

type Tracked = { start: number; end: number };

describe('re-anchoring under random sequences of revisions (property)', () => {
  it('never attaches an annotation to other words, and says exact only for the same words in the same context', () => {
    fc.assert(
      fc.property(scenario, ({ text, ranges, revisions }) => {
        let current = text;
        let tracked = ranges.map(([start, end]) => ({
          anchor: describeTextRange(text, start, end),
          expected: { start, end } as Tracked,
        }));
        for (const edits of revisions) {
          let edited = current;
          for (const edit of edits) {
            for (const { expected } of tracked) {
              expected.start = mapOffset(edited, edit, expected.start);
              expected.end = mapOffset(edited, edit, expected.end);
            }
            edited = applyEdit(edited, edit);
          }
          const results = reanchorAll(
            current,
            edited,
            tracked.map((item) => item.anchor),
          );
          const next: typeof tracked = [];
          results.forEach((result, i) => {
            const { anchor, expected } = tracked[i]!;
            const exact = anchor.quote.exact;
            // Not found, or not searched: either way nothing is attached, so nothing is attached wrongly.
            if (result.state === 'orphaned' || result.state === 'not_searched') return;
            const found = edited.slice(result.start, result.end);
            if (result.state === 'exact' || result.state === 'moved') expect(found).toBe(exact);
            if (result.state === 'exact')
              expect(sameContext(edited, anchor, result.start), 'exact with a changed context').toBe(true);
            if (result.state === 'fuzzy') {
              expect(found).not.toBe('');
              expect(editDistance(found, exact)).toBeLessThanOrEqual(maxFuzzyErrors(exact));
              expect(
                nearOrIntact(edited, anchor, result.start, result.end, expected),
                'fuzzy far from the words, without intact context',
              ).toBe(true);
            }
            next.push({ anchor: describeTextRange(edited, result.start, result.end), expected: { ...result } });
          });
          if (!edited.length) return;
          current = edited;
          tracked = next;
        }
      }),
      // A fixed seed, so CI is deterministic. Explore locally with FC_SEED=<any> FC_RUNS=<many>: an
      // unseeded run (seed -1209163772) found a look-alike taken by the old place of a moved, edited
      // paragraph; fixed, and kept as a unit test in reanchor.test.ts.
      { numRuns: Number(process.env.FC_RUNS ?? 250), seed: Number(process.env.FC_SEED ?? 20261202) },
    );
  }, 120_000); // a machine shared by several test runs is slow; this is a hang guard, not a speed target

  it('keeps an untouched paragraph exact when a paragraph is added elsewhere, moved when beside it', () => {
    fc.assert(
      fc.property(articleText, sentence, fc.nat(), (text, inserted, where) => {
        const paragraphs = text.split('\n\n');
        const target = paragraphs.at(-1)!;
        const start = text.lastIndexOf(target);
        const anchor = describeTextRange(text, start, start + target.length);
        const index = where % paragraphs.length;
        const edited = [...paragraphs.slice(0, index), inserted, ...paragraphs.slice(index)].join('\n\n');
        const [result] = reanchorAll(text, edited, [anchor]);
        const shifted = start + inserted.length + 2;
        expect(result).toMatchObject({
          state: sameContext(edited, anchor, shifted) ? 'exact' : 'moved',
          start: shifted,
        });
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });
});
