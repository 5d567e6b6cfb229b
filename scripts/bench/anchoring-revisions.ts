// Revisions for bench:anchoring, with ground truth: every edit is a splice or a move applied
// to a TrackedText, which carries each annotated span along, so the bench knows where the
// words went (same words, changed words, or gone) without asking the engine.
import { seededRandom } from './generate-article';

export type Truth = { start: number; end: number; status: 'same' | 'changed' | 'gone'; moved: boolean };
type Splice = { at: number; del: number; ins: string };
type Range = { start: number; end: number };

export class TrackedText {
  constructor(
    public text: string,
    public spans: Truth[],
  ) {}

  splice({ at, del, ins }: Splice): void {
    const delta = ins.length - del;
    this.text = this.text.slice(0, at) + ins + this.text.slice(at + del);
    for (const span of this.spans) {
      if (span.status === 'gone' || span.end <= at) continue;
      if (span.start >= at + del) {
        span.start += delta;
        span.end += delta;
      } else if (at <= span.start && at + del >= span.end) {
        span.status = 'gone';
      } else {
        span.status = 'changed';
        span.start = Math.min(span.start, at);
        span.end = span.end > at + del ? span.end + delta : at + ins.length;
        if (span.end <= span.start) span.status = 'gone';
      }
    }
  }

  /** Moves text[from, from + length) so that it starts at `to` in the text without it. */
  move(from: number, length: number, to: number): void {
    const piece = this.text.slice(from, from + length);
    const inside = this.spans.filter((s) => s.status !== 'gone' && s.start >= from && s.end <= from + length);
    const carried = inside.map((span) => ({ span, offset: span.start - from }));
    const others = this.spans;
    this.spans = others.filter((s) => !inside.includes(s));
    this.splice({ at: from, del: length, ins: '' });
    this.splice({ at: to, del: 0, ins: piece });
    for (const { span, offset } of carried) {
      const size = span.end - span.start;
      span.start = to + offset;
      span.end = span.start + size;
      span.moved = true;
    }
    this.spans = others;
  }

  /** Applies non-overlapping splices given in offsets of the current text (highest first, so offsets stay valid). */
  spliceAll(splices: Splice[]): void {
    let limit = Infinity;
    for (const splice of [...splices].sort((a, b) => b.at - a.at)) {
      if (splice.at + splice.del > limit) continue;
      this.splice(splice);
      limit = splice.at;
    }
  }
}

export function paragraphRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n\n', start);
    ranges.push({ start, end: at === -1 ? text.length : at });
    if (at === -1) return ranges;
    start = at + 2;
  }
}

export function sentenceRanges(text: string, paragraph: Range): Range[] {
  const body = text.slice(paragraph.start, paragraph.end);
  const ranges: Range[] = [];
  let start = 0;
  for (const match of body.matchAll(/(?<=[.!?][”"’)]*) +(?=[“"A-Z])/g)) {
    ranges.push({ start: paragraph.start + start, end: paragraph.start + match.index });
    start = match.index + match[0].length;
  }
  ranges.push({ start: paragraph.start + start, end: paragraph.end });
  return ranges;
}

function wordStarts(text: string, range: Range): number[] {
  const starts = [range.start];
  for (let i = range.start; i < range.end; i++) if (text[i] === ' ' && text[i + 1] !== ' ') starts.push(i + 1);
  return starts;
}

/** The splice that removes a sentence with one of the spaces around it, or its paragraph when it is alone. */
function deleteSentence(text: string, sentence: Range): Splice {
  if (text[sentence.end] === ' ') return { at: sentence.start, del: sentence.end + 1 - sentence.start, ins: '' };
  if (text[sentence.start - 1] === ' ')
    return { at: sentence.start - 1, del: sentence.end + 1 - sentence.start, ins: '' };
  return deleteRange(text, sentence);
}

function deleteRange(text: string, paragraph: Range): Splice {
  if (text.startsWith('\n\n', paragraph.end))
    return { at: paragraph.start, del: paragraph.end + 2 - paragraph.start, ins: '' };
  const at = Math.max(0, paragraph.start - 2);
  return { at, del: paragraph.end - at, ins: '' };
}

export type Revision = (doc: TrackedText, random: () => number, vocabulary: string[]) => void;

const sample = <T>(random: () => number, items: T[], share: number): T[] => items.filter(() => random() < share);
const annotated = (doc: TrackedText, random: () => number, share: number) =>
  sample(random, doc.spans, share).filter((span) => span.status !== 'gone');

function sentenceOf(doc: TrackedText, span: Truth): Range | null {
  const paragraph = paragraphRanges(doc.text).find((p) => p.start <= span.start && span.end <= p.end);
  return paragraph
    ? (sentenceRanges(doc.text, paragraph).find((s) => s.start <= span.start && span.end <= s.end) ?? null)
    : null;
}

function wordEdit(text: string, range: Range, random: () => number, vocabulary: string[]): Splice {
  const starts = wordStarts(text, range);
  const at = starts[Math.floor(random() * starts.length)]!;
  const end = text.indexOf(' ', at);
  const wordEnd = end === -1 || end > range.end ? range.end : end;
  const kind = random();
  const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
  if (kind < 0.4) return { at, del: wordEnd - at, ins: word };
  if (kind < 0.7) return { at, del: 0, ins: `${word} ` };
  return { at, del: Math.min(range.end, wordEnd + 1) - at, ins: '' };
}

function moveParagraphs(doc: TrackedText, random: () => number, count: number): void {
  for (let i = 0; i < count; i++) {
    const paragraphs = paragraphRanges(doc.text);
    const from = paragraphs[Math.floor(random() * (paragraphs.length - 1))]!;
    doc.move(from.start, from.end + 2 - from.start, 0);
    const rest = paragraphRanges(doc.text);
    const target = rest[1 + Math.floor(random() * (rest.length - 1))]!;
    doc.move(0, from.end + 2 - from.start, target.start - (from.end + 2 - from.start));
  }
}

export const REVISIONS: Record<string, Revision> = {
  'light copy-edit': (doc, random, vocabulary) => {
    const paragraphs = paragraphRanges(doc.text);
    doc.spliceAll(sample(random, paragraphs, 0.05).map((p) => wordEdit(doc.text, p, random, vocabulary)));
    moveParagraphs(doc, random, 1);
    const all = paragraphRanges(doc.text);
    doc.splice(deleteRange(doc.text, all[Math.floor(all.length / 2)]!));
  },
  '10% annotated sentences deleted': (doc, random) => {
    const sentences = annotated(doc, random, 0.1).flatMap((span) => sentenceOf(doc, span) ?? []);
    doc.spliceAll(sentences.map((sentence) => deleteSentence(doc.text, sentence)));
  },
  'large rewrite': (doc, random, vocabulary) => {
    const splices = sample(random, paragraphRanges(doc.text), 0.3).flatMap((p) =>
      sample(random, wordStarts(doc.text, p), 0.3).map((at) => {
        const space = doc.text.indexOf(' ', at);
        const end = space === -1 || space > p.end ? p.end : space;
        return { at, del: end - at, ins: vocabulary[Math.floor(random() * vocabulary.length)]! };
      }),
    );
    doc.spliceAll(splices);
  },
  'paragraph shuffle': (doc, random) => moveParagraphs(doc, random, Math.round(paragraphRanges(doc.text).length * 0.1)),
  'insert word above': (doc, random) => {
    const paragraphs = sample(random, paragraphRanges(doc.text), 0.01);
    doc.spliceAll(paragraphs.map((p) => ({ at: p.start, del: 0, ins: 'Indeed, ' })));
  },
  'edit inside quote': (doc, random, vocabulary) => {
    const splices = annotated(doc, random, 0.1).flatMap((span) => {
      const edit = wordEdit(doc.text, span, random, vocabulary);
      return edit.at + edit.del <= span.end ? [edit] : [];
    });
    doc.spliceAll(splices);
  },
  'edit in context': (doc, random, vocabulary) => {
    const splices = annotated(doc, random, 0.1).flatMap((span) => {
      const before = doc.text.lastIndexOf(' ', span.start - 2);
      const after = doc.text.indexOf(' ', span.end + 1);
      const range = random() < 0.5 ? { start: before + 1, end: span.start - 1 } : { start: span.end + 1, end: after };
      if (range.start <= 0 || range.end <= range.start || /\n/.test(doc.text.slice(range.start, range.end))) return [];
      return [
        { at: range.start, del: range.end - range.start, ins: vocabulary[Math.floor(random() * vocabulary.length)]! },
      ];
    });
    doc.spliceAll(splices);
  },
  'delete sentence': (doc, random) => {
    const sentences = paragraphRanges(doc.text).flatMap((p) => sample(random, sentenceRanges(doc.text, p), 0.03));
    doc.spliceAll(sentences.map((sentence) => deleteSentence(doc.text, sentence)));
  },
  'delete paragraph': (doc, random) => {
    doc.spliceAll(sample(random, paragraphRanges(doc.text), 0.03).map((p) => deleteRange(doc.text, p)));
  },
  'move paragraph': (doc, random) => moveParagraphs(doc, random, Math.round(paragraphRanges(doc.text).length * 0.03)),
  'duplicate passage added': (doc, random, vocabulary) => {
    const sentences = annotated(doc, random, 0.03).flatMap((span) => {
      const sentence = sentenceOf(doc, span);
      return sentence ? [{ sentence, span }] : [];
    });
    const paragraphs = paragraphRanges(doc.text);
    const splices = sentences.flatMap(({ sentence, span }) => {
      const copy = {
        at: paragraphs[Math.floor(random() * paragraphs.length)]!.start,
        del: 0,
        ins: `${doc.text.slice(sentence.start, sentence.end)}\n\n`,
      };
      // Half the time the original is then copy-edited, as with a pull-quote of an earlier draft.
      return random() < 0.5 ? [copy, wordEdit(doc.text, span, random, vocabulary)] : [copy];
    });
    doc.spliceAll(splices);
  },
  'quote-mark normalisation': (doc) => {
    const splices: Splice[] = [];
    for (const match of doc.text.matchAll(/[‘’“”]/g))
      splices.push({ at: match.index, del: 1, ins: match[0] === '‘' || match[0] === '’' ? "'" : '"' });
    doc.spliceAll(splices);
  },
  'whitespace changes': (doc, random) => {
    const splices: Splice[] = [];
    for (const match of doc.text.matchAll(/ /g))
      if (random() < 0.03) splices.push({ at: match.index, del: 1, ins: '  ' });
    for (const match of doc.text.matchAll(/\n\n/g))
      if (random() < 0.1) splices.push({ at: match.index, del: 2, ins: '\n\n\n' });
    doc.spliceAll(splices);
  },
  'sentence reordering': (doc, random) => {
    for (const paragraph of sample(random, paragraphRanges(doc.text), 0.1).reverse()) {
      const sentences = sentenceRanges(doc.text, paragraph);
      if (sentences.length < 2) continue;
      const i = Math.floor(random() * (sentences.length - 1));
      const [first, second] = [sentences[i]!, sentences[i + 1]!];
      const length = second.end - second.start;
      doc.splice({ at: first.end, del: 1, ins: '' });
      doc.move(first.end, length, first.start);
      doc.splice({ at: first.start + length, del: 0, ins: ' ' });
      // A swap moves both sentences: the first now stands after the second.
      const firstNow = { start: first.start + length + 1, end: first.start + length + 1 + first.end - first.start };
      for (const span of doc.spans) if (span.start >= firstNow.start && span.end <= firstNow.end) span.moved = true;
    }
  },
};

export function runRevision(name: string, text: string, spans: Range[], seed: number, vocabulary: string[]) {
  const doc = new TrackedText(
    text,
    spans.map((span) => ({ ...span, status: 'same', moved: false })),
  );
  REVISIONS[name]!(doc, seededRandom(seed), vocabulary);
  return doc;
}
