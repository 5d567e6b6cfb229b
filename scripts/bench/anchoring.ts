// npm run bench:anchoring — re-anchors 5,000 annotations on a ~100,000-word article after
// a realistic revision (5% of paragraphs edited, one moved, one deleted). Target: <= 500 ms.
import { describeTextRange } from '../../lib/domain/anchoring/describe-text-range';
import { reanchorAll } from '../../lib/domain/anchoring/reanchor';
import type { AnchorState } from '../../lib/domain/anchoring/types';
import { generateParagraphs, generateSpans, reviseParagraphs } from './generate-article';

const paragraphs = generateParagraphs({ words: 100_000 });
const oldText = paragraphs.join('\n\n');
const anchors = generateSpans(paragraphs, 5_000).map(([start, end]) => describeTextRange(oldText, start, end));
const newText = reviseParagraphs(paragraphs).join('\n\n');

const runs: number[] = [];
let results = reanchorAll(oldText, newText, anchors);
for (let i = 0; i < 7; i++) {
  const started = performance.now();
  results = reanchorAll(oldText, newText, anchors);
  runs.push(performance.now() - started);
}
runs.sort((a, b) => a - b);

const counts: Record<AnchorState, number> = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
let wrong = 0;
results.forEach((result, i) => {
  counts[result.state]++;
  if (
    (result.state === 'exact' || result.state === 'moved') &&
    newText.slice(result.start, result.end) !== anchors[i]!.quote.exact
  )
    wrong++;
});

const words = oldText.split(/\s+/).length;
console.log(
  `bench:anchoring  article: ${words.toLocaleString('en')} words, ${paragraphs.length} paragraphs, ${oldText.length.toLocaleString('en')} chars`,
);
console.log(`  annotations: ${anchors.length}, revision: 5% of paragraphs edited, 1 moved, 1 deleted`);
console.log(
  `  re-anchor all: median ${runs[3]!.toFixed(1)} ms, min ${runs[0]!.toFixed(1)} ms, max ${runs.at(-1)!.toFixed(1)} ms (7 runs after 1 warm-up; target <= 500 ms)`,
);
console.log(
  `  states: exact ${counts.exact}, moved ${counts.moved}, fuzzy ${counts.fuzzy}, orphaned ${counts.orphaned}`,
);
console.log(`  exact/moved on the wrong text: ${wrong}`);
if (wrong) process.exit(1);
