// A deterministic large article for benchmarks: ~100,000 words in paragraphs, with
// annotations on random spans, and a realistic revision of it.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sa',
  'tor',
  'vel',
  'nu',
  'pra',
  'dis',
  'on',
  'gre',
  'mat',
  'sel',
  'qui',
  'bar',
];

function makeVocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>(['the', 'a', 'of', 'to', 'and', 'in', 'report', 'said', 'policy', 'children']);
  while (words.size < size) {
    const length = 1 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

export function generateParagraphs(options: { words: number; seed?: number }): string[] {
  const random = seededRandom(options.seed ?? 42);
  const vocabulary = makeVocabulary(random, 3_000);
  const paragraphs: string[] = [];
  let total = 0;
  while (total < options.words) {
    const length = 30 + Math.floor(random() * 40);
    const words = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    paragraphs.push(`${words.join(' ')}.`);
    total += length;
  }
  return paragraphs;
}

/** Random spans of 2 to 12 words inside paragraphs, as [start, end) offsets in the joined text. */
export function generateSpans(paragraphs: string[], count: number, seed = 7): [number, number][] {
  const random = seededRandom(seed);
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    starts.push(offset);
    offset += paragraph.length + 2;
  }
  const spans: [number, number][] = [];
  while (spans.length < count) {
    const index = Math.floor(random() * paragraphs.length);
    const paragraph = paragraphs[index]!;
    const boundaries = [0, ...[...paragraph.matchAll(/ /g)].map((match) => match.index! + 1)];
    const first = Math.floor(random() * (boundaries.length - 2));
    const last = Math.min(boundaries.length - 1, first + 2 + Math.floor(random() * 10));
    const start = boundaries[first]!;
    const end = boundaries[last]! - 1;
    if (end > start) spans.push([starts[index]! + start, starts[index]! + end]);
  }
  return spans;
}

/** Edits words in `share` of the paragraphs, moves one paragraph far down and deletes another. */
export function reviseParagraphs(paragraphs: string[], share = 0.05, seed = 99): string[] {
  const random = seededRandom(seed);
  const revised = [...paragraphs];
  const edits = Math.round(paragraphs.length * share);
  for (let i = 0; i < edits; i++) {
    const index = Math.floor(random() * revised.length);
    const words = revised[index]!.split(' ');
    const at = Math.floor(random() * words.length);
    const kind = random();
    if (kind < 0.4) words.splice(at, 1, 'revised');
    else if (kind < 0.7) words.splice(at, 0, 'inserted', 'words');
    else words.splice(at, 2);
    revised[index] = words.join(' ');
  }
  const [moved] = revised.splice(Math.floor(revised.length * 0.1), 1);
  revised.splice(Math.floor(revised.length * 0.9), 0, moved!);
  revised.splice(Math.floor(revised.length * 0.5), 1);
  return revised;
}
