// npm run bench:anchoring — re-anchors 5,000 annotations on ~100,000 words of real prose
// (recombined from the seed articles, with planted duplicate sentences) after each kind of
// revision, and checks every result against where the bench itself moved the words.
// Floor: a plain indexOf of every quote in the new text, in the same process.
// Targets: every kind <= 1 s, light <= 500 ms; wrong attachments and false orphans <= 0.5%;
// 0 labelled "moved" for a pure offset shift.
import { describeTextRange } from '../../lib/domain/anchoring/describe-text-range';
import { reanchorAll } from '../../lib/domain/anchoring/reanchor';
import type { Anchor, AnchorResult, AnchorState } from '../../lib/domain/anchoring/types';
import { buildCorpus } from './anchoring-corpus';
import { paragraphRanges, REVISIONS, runRevision, sentenceRanges, type Truth } from './anchoring-revisions';
import { seededRandom } from './generate-article';

const ANNOTATIONS = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_KINDS=a,b limits the kinds; BENCH_EXAMPLES=n prints n wrong results per kind, to see what limits it. */
const KINDS = process.env.BENCH_KINDS?.split(',');
const EXAMPLES = Number(process.env.BENCH_EXAMPLES ?? 0);

const corpus = buildCorpus({ words: 100_000 });
const oldText = corpus.paragraphs.map((sentences) => sentences.join(' ')).join('\n\n');
const vocabulary = [...new Set(oldText.split(/\s+/))];

/** Spans of 1 to 12 words inside one sentence, as a reviewer would select them. */
function annotationSpans(count: number): { start: number; end: number }[] {
  const random = seededRandom(7);
  const sentences = paragraphRanges(oldText).flatMap((p) => sentenceRanges(oldText, p));
  const spans: { start: number; end: number }[] = [];
  while (spans.length < count) {
    const sentence = sentences[Math.floor(random() * sentences.length)]!;
    const words = [...oldText.slice(sentence.start, sentence.end).matchAll(/\S+/g)];
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + Math.floor(random() * 12));
    const start = sentence.start + words[first]!.index;
    const end = sentence.start + words[last]!.index + words[last]![0].replace(/[,.;:”"’]+$/, '').length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** The stored prefix and suffix stand unchanged around text[start, end). */
function sameContext(text: string, anchor: Anchor, start: number, end: number): boolean {
  const { prefix, suffix } = anchor.quote;
  return start >= prefix.length && text.slice(start - prefix.length, start) === prefix && text.startsWith(suffix, end);
}

type Figures = {
  ms: number;
  floorMs: number;
  wrong: number;
  falseOrphans: number;
  movedForShift: number;
  exactWithNewContext: number;
  budget: number;
  states: Record<AnchorState, number>;
};

function show(label: string, text: string, anchor: Anchor, truth: Truth, result: AnchorResult) {
  const { prefix, exact, suffix } = anchor.quote;
  const at =
    result.state === 'orphaned' || result.state === 'not_searched'
      ? null
      : text.slice(result.start - 20, result.end + 20);
  console.log(
    `    ${label} ${JSON.stringify({ was: prefix.slice(-20) + '[' + exact + ']' + suffix.slice(0, 20), truth: truth.status, now: text.slice(truth.start - 20, truth.end + 20), result, at })}`,
  );
}

function judge(
  text: string,
  anchors: Anchor[],
  truths: Truth[],
  results: AnchorResult[],
): Omit<Figures, 'ms' | 'floorMs'> {
  let shown = 0;
  const figures = { wrong: 0, falseOrphans: 0, movedForShift: 0, exactWithNewContext: 0, budget: 0 };
  const states: Record<AnchorState, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0, not_searched: 0 };
  results.forEach((result, i) => {
    const truth = truths[i]!;
    const anchor = anchors[i]!;
    const same = truth.status === 'same' && text.slice(truth.start, truth.end) === anchor.quote.exact;
    states[result.state]++;
    // Not searched is not a false orphan (nobody said the words were gone), but it is counted.
    if (result.state === 'not_searched') {
      figures.budget++;
      return;
    }
    if (result.state === 'orphaned') {
      if (same) figures.falseOrphans++;
      if (same && shown++ < EXAMPLES) show('false orphan', text, anchor, truth, result);
      return;
    }
    const overlaps = truth.status !== 'gone' && result.start < truth.end && truth.start < result.end;
    const wordsOk = result.state === 'fuzzy' || text.slice(result.start, result.end) === anchor.quote.exact;
    if (!overlaps || !wordsOk) figures.wrong++;
    if ((!overlaps || !wordsOk) && shown++ < EXAMPLES) show('wrong', text, anchor, truth, result);
    const shiftOnly = same && !truth.moved && sameContext(text, anchor, truth.start, truth.end);
    if (result.state === 'moved' && shiftOnly && result.start === truth.start) figures.movedForShift++;
    if (result.state === 'exact' && !sameContext(text, anchor, result.start, result.end)) figures.exactWithNewContext++;
  });
  return { ...figures, states };
}

const spans = annotationSpans(ANNOTATIONS);
const anchors = spans.map(({ start, end }) => describeTextRange(oldText, start, end));
const short = anchors.filter((anchor) => anchor.quote.exact.length < 10).length;
const repeated = anchors.filter((a) => oldText.indexOf(a.quote.exact) !== oldText.lastIndexOf(a.quote.exact)).length;
const words = oldText.split(/\s+/).length;
console.log(
  `bench:anchoring  ${words.toLocaleString('en')} words of recombined seed prose, ${corpus.paragraphs.length} paragraphs, ${oldText.length.toLocaleString('en')} chars, ${corpus.plantedDuplicates} planted duplicate sentences`,
);
console.log(
  `  ${ANNOTATIONS} annotations (${short} under 10 chars, ${repeated} whose quote occurs more than once); median of ${RUNS} runs`,
);

const rows: [string, Figures][] = [];
Object.keys(REVISIONS).forEach((kind, k) => {
  if (KINDS && !KINDS.includes(kind)) return;
  const doc = runRevision(kind, oldText, spans, 100 + k, vocabulary);
  const newText = doc.text;
  let results = reanchorAll(oldText, newText, anchors);
  const ms = median(() => {
    results = reanchorAll(oldText, newText, anchors);
  });
  let found = 0;
  const floorMs = median(() => {
    found = 0;
    for (const anchor of anchors) if (newText.indexOf(anchor.quote.exact) !== -1) found++;
  });
  if (found < 0) throw new Error('unreachable: keeps the floor loop from being optimised away');
  rows.push([kind, { ms, floorMs, ...judge(newText, anchors, doc.spans, results) }]);
});

const light = rows[0]![1].ms;
const pct = (n: number) => `${((100 * n) / ANNOTATIONS).toFixed(2)}%`;
console.log(
  '  kind                              ms   x light  x floor   wrong  f.orphan  moved@shift  exact≠ctx  not-srch  exact/moved/fuzzy/orphaned',
);
for (const [kind, f] of rows) {
  console.log(
    `  ${kind.padEnd(31)} ${f.ms.toFixed(0).padStart(5)} ${(f.ms / light).toFixed(2).padStart(8)} ${(f.ms / f.floorMs).toFixed(1).padStart(8)} ${pct(f.wrong).padStart(7)} ${pct(f.falseOrphans).padStart(9)} ${String(f.movedForShift).padStart(12)} ${String(f.exactWithNewContext).padStart(10)} ${String(f.budget).padStart(9)}  ${f.states.exact}/${f.states.moved}/${f.states.fuzzy}/${f.states.orphaned}`,
  );
}
const all = rows.map(([, f]) => f);
const sum = (pick: (f: Figures) => number) => all.reduce((total, f) => total + pick(f), 0);
const results = all.length * ANNOTATIONS;
console.log(
  `  overall: slowest ${Math.max(...all.map((f) => f.ms)).toFixed(0)} ms (target <= 1000), light ${light.toFixed(0)} ms (target <= 500); wrong ${((100 * sum((f) => f.wrong)) / results).toFixed(2)}%, false orphans ${((100 * sum((f) => f.falseOrphans)) / results).toFixed(2)}% (targets <= 0.5%); moved for a pure shift ${sum((f) => f.movedForShift)} (target 0)`,
);
