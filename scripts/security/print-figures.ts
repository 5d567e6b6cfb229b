// The end of `npm run test:security`: every "figure:" line the checks of this run reported
// (e2e/fixtures/figures.ts), in one place, so a new check adds its figure by reporting it.
import { existsSync, readFileSync } from 'node:fs';
import { FIGURES_FILE } from '../../e2e/fixtures/figures';

const lines = existsSync(FIGURES_FILE) ? readFileSync(FIGURES_FILE, 'utf8').split('\n').filter(Boolean) : [];
console.log(`\ntest:security figures (${lines.length}, from ${FIGURES_FILE}):`);
for (const line of [...new Set(lines)].sort()) console.log(`  ${line}`);
if (!lines.length) {
  console.log('  none: run the Playwright security specs first');
  process.exit(1);
}
