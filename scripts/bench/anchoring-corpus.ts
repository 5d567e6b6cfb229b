// Real prose for bench:anchoring: ~100,000 words recombined from the seed articles. The two
// articles hold only ~750 words, so sentences are regrown from their word pairs (a bigram
// walk keeps real vocabulary and real look-alike phrases such as "the children"), and some
// original sentences are planted verbatim several times as duplicates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './generate-article';

const SEED_FILES = ['doj-ig-sessions-rosenstein-driving-force.txt', 'doj-ig-report-blames-sessions-rosenstein.txt'];
const SENTENCE_END = /[.!?][”"’)]*$/;

export type Corpus = { paragraphs: string[][]; plantedDuplicates: number };

function seedSentences(): string[] {
  const dir = path.join(import.meta.dirname, '../../prisma/seed-data');
  return SEED_FILES.flatMap((file) =>
    readFileSync(path.join(dir, file), 'utf8')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line.split(' ').length > 6)
      .flatMap((line) => line.split(/(?<=[.!?][”"]?)\s+(?=[“"A-Z])/)),
  ).filter((sentence) => sentence.split(' ').length >= 4);
}

/** Builds paragraphs of sentences: `words` in all, `planted` share of sentences copied verbatim from the seeds. */
export function buildCorpus(options: { words: number; planted?: number; seed?: number }): Corpus {
  const random = seededRandom(options.seed ?? 2024);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences = seedSentences();
  const successors = new Map<string, string[]>();
  const starters: string[] = [];
  for (const sentence of sentences) {
    const words = sentence.split(/\s+/);
    starters.push(words[0]!);
    for (let i = 0; i + 1 < words.length; i++) {
      const list = successors.get(words[i]!) ?? [];
      list.push(words[i + 1]!);
      successors.set(words[i]!, list);
    }
  }
  const grow = (): string => {
    const words = [pick(starters)];
    while (words.length < 45 && !(words.length > 5 && SENTENCE_END.test(words.at(-1)!))) {
      const next = successors.get(words.at(-1)!);
      words.push(next ? pick(next) : pick(starters).toLowerCase());
    }
    const last = words.at(-1)!;
    if (!SENTENCE_END.test(last)) words[words.length - 1] = `${last.replace(/[,;:]$/, '')}.`;
    return words.join(' ');
  };

  const paragraphs: string[][] = [];
  let total = 0;
  let plantedDuplicates = 0;
  while (total < options.words) {
    const paragraph: string[] = [];
    const count = 2 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      const planted = random() < (options.planted ?? 0.06);
      if (planted) plantedDuplicates++;
      const sentence = planted ? pick(sentences) : grow();
      paragraph.push(sentence);
      total += sentence.split(' ').length;
    }
    paragraphs.push(paragraph);
  }
  return { paragraphs, plantedDuplicates };
}
