// Property: whatever edits happen around or inside annotated passages, re-anchoring never
// attaches an annotation to the wrong words. Each result is the same exact text (exact or
// moved), a fuzzy match within the declared error bound (reported as fuzzy), or orphaned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTextRange } from './describe-text-range';
import { maxFuzzyErrors } from './match-quote';
import { reanchorAll } from './reanchor';
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
    edits: fc.array(editArbitrary, { minLength: 1, maxLength: 5 }),
  }),
);

describe('re-anchoring under random edits (property)', () => {
  it('never attaches an annotation to the wrong words', () => {
    fc.assert(
      fc.property(scenario, ({ text, ranges, edits }) => {
        const anchors: Anchor[] = ranges.map(([start, end]) => describeTextRange(text, start, end));
        const edited = edits.reduce(applyEdit, text);
        const results = reanchorAll(text, edited, anchors);
        results.forEach((result, i) => {
          const exact = anchors[i]!.quote.exact;
          if (result.state === 'exact' || result.state === 'moved') {
            expect(edited.slice(result.start, result.end)).toBe(exact);
          } else if (result.state === 'fuzzy') {
            const found = edited.slice(result.start, result.end);
            expect(found).not.toBe('');
            expect(editDistance(found, exact)).toBeLessThanOrEqual(maxFuzzyErrors(exact));
          }
          if (result.state === 'exact')
            expect([result.start, result.end]).toEqual([anchors[i]!.position.start, anchors[i]!.position.end]);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('keeps annotations in untouched paragraphs exact or moved', () => {
    fc.assert(
      fc.property(articleText, sentence, fc.nat(), (text, inserted, where) => {
        const paragraphs = text.split('\n\n');
        const target = paragraphs.at(-1)!;
        const start = text.lastIndexOf(target);
        const anchor = describeTextRange(text, start, start + target.length);
        const index = where % paragraphs.length;
        const edited = [...paragraphs.slice(0, index), inserted, ...paragraphs.slice(index)].join('\n\n');
        const [result] = reanchorAll(text, edited, [anchor]);
        expect(result?.state === 'exact' || result?.state === 'moved').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
