// npm run bench:editor — a ~100,000-word article with 5,000 highlights in Chromium:
// time to interactive (target <= 1 s), keystroke latency p99 while editing (<= 4 ms),
// and the cost of adding one highlight (<= 5 ms). Uses a throw-away database.
import { chromium } from '@playwright/test';
import { TAGS } from '../../lib/domain/annotations/tags';
import { describeTextRange } from '../../lib/domain/anchoring/describe-text-range';
import { ensureMembership, ensureUser, ensureWorkspace } from '../../prisma/seed/seed-demo';
import { createArticleFromText } from '../../server/data/articles/create-article-from-text';
import { createPrismaClient } from '../../server/db/prisma-client';
import { createMigratedDatabase, dropDatabase, resolveTestAdminUrl } from '../db/test-database';
import { chromiumArgs, chromiumExecutable } from '../chromium';
import { startServer } from './bench-server';
import { generateParagraphs, generateSpans } from './generate-article';

const PORT = Number(process.env.BENCH_PORT ?? 3201);
const DATABASE = 'marginalia_bench_editor';
const USER = { email: 'bench@marginalia.local', password: 'bench password 1', name: 'Bench Reviewer' };
const KEYSTROKES = 300;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const { adminUrl, stop } = await resolveTestAdminUrl();
const databaseUrl = await createMigratedDatabase(adminUrl, DATABASE);
const database = createPrismaClient(databaseUrl);
const user = await ensureUser(database, USER);
const workspace = await ensureWorkspace(database, { slug: 'bench', name: 'Bench' });
await ensureMembership(database, { workspaceId: workspace.id, userId: user.id, role: 'owner' });
const paragraphs = generateParagraphs({ words: 100_000 });
const { id: articleId } = await createArticleFromText(database, {
  workspaceId: workspace.id,
  authorId: user.id,
  text: paragraphs.join('\n\n'),
  title: 'Benchmark: 100,000 words',
});
const revision = await database.articleRevision.findFirstOrThrow({
  where: { articleId },
  select: { id: true, text: true },
});
const spans = generateSpans(paragraphs, 5_000);
await database.annotation.createMany({
  data: spans.map(([start, end], i) => {
    const { quote } = describeTextRange(revision.text, start, end);
    return {
      workspaceId: workspace.id,
      articleId,
      revisionId: revision.id,
      authorId: user.id,
      tag: TAGS[i % TAGS.length]!,
      quoteExact: quote.exact,
      quotePrefix: quote.prefix,
      quoteSuffix: quote.suffix,
      posStart: start,
      posEnd: end,
    };
  }),
});
await database.$disconnect();

const server = await startServer({ port: PORT, databaseUrl });
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.origin}/signin`);
  await page.getByLabel('Email').fill(USER.email);
  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/w/bench');

  const loads: number[] = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(`${server.origin}/w/bench/articles/${articleId}`);
    await page.waitForFunction(() => performance.getEntriesByName('marginalia:highlights-ready').length > 0, null, {
      timeout: 60_000,
    });
    loads.push(await page.evaluate(() => performance.getEntriesByName('marginalia:highlights-ready')[0]!.startTime));
  }
  const marks = await page.locator('[data-testid=article-editor] mark[data-annotation-id]').count();
  console.log(
    `bench:editor  article: ${paragraphs.length} paragraphs, ${revision.text.length.toLocaleString('en')} chars, ${spans.length} highlights (${marks} <mark> elements)`,
  );
  console.log(
    `  time to interactive (navigation start -> editor with all highlights drawn): ${loads.map((v) => v.toFixed(0)).join(', ')} ms over 3 loads; median ${percentile(loads, 50).toFixed(0)} ms (target <= 1000 ms)`,
  );

  // Keystroke latency: from keydown to the end of the task that handled it (the editor's
  // transaction, decoration mapping and DOM update), typed in the middle of the article.
  await page.locator('button', { hasText: 'Edit text' }).click();
  const middle = page.locator('[data-testid=article-editor] p').nth(Math.floor(paragraphs.length / 2));
  await middle.scrollIntoViewIfNeeded();
  await middle.click();
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { __keystrokes: number[] }).__keystrokes = samples;
    window.addEventListener(
      'keydown',
      () => {
        const started = performance.now();
        setTimeout(() => samples.push(performance.now() - started), 0);
      },
      { capture: true },
    );
  });
  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink'] });
  await page.keyboard.type('x'.repeat(KEYSTROKES), { delay: 15 });
  if (process.env.BENCH_TRACE) {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: { name: string; ph: string; dur?: number }[];
    };
    const totals = new Map<string, number>();
    for (const event of trace.traceEvents)
      if (event.ph === 'X' && event.dur) totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000);
    console.log(
      [...totals]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 20)
        .map(([k, v]) => `${v.toFixed(0)} ms\t${k}`)
        .join('\n'),
    );
  }
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: {
        nodes: {
          id: number;
          callFrame: { functionName: string; url: string; lineNumber: number };
          hitCount?: number;
        }[];
      };
    };
    const self = new Map<string, number>();
    for (const node of profile.nodes) {
      const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
    }
    console.log(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => `${v}\t${k}`)
        .join('\n'),
    );
  }
  await page.waitForTimeout(200);
  const keystrokes = await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes);

  // Adding one highlight to the 5,000 already drawn.
  const adds = await page.evaluate(() => {
    type Editor = {
      commands: { addAnnotationHighlight: (h: object) => boolean };
      state: { doc: { content: { size: number } } };
    };
    const editor = (document.querySelector('[data-testid=article-editor]') as unknown as { editor: Editor }).editor;
    const samples: number[] = [];
    const size = editor.state.doc.content.size;
    for (let i = 0; i < 50; i++) {
      const from = 1 + Math.floor(((i + 0.5) / 50) * (size - 40));
      const started = performance.now();
      editor.commands.addAnnotationHighlight({
        id: `bench-${i}`,
        from,
        to: from + 20,
        tag: 'finding',
        label: 'Finding by Bench',
      });
      samples.push(performance.now() - started);
    }
    return samples;
  });

  console.log(
    `  keystroke latency over ${keystrokes.length} keys: p50 ${percentile(keystrokes, 50).toFixed(2)} ms, p99 ${percentile(keystrokes, 99).toFixed(2)} ms, max ${Math.max(...keystrokes).toFixed(2)} ms (target p99 <= 4 ms)`,
  );
  console.log(
    `  add one highlight: p50 ${percentile(adds, 50).toFixed(2)} ms, p99 ${percentile(adds, 99).toFixed(2)} ms over ${adds.length} adds (target <= 5 ms)`,
  );
} finally {
  await browser.close();
  await server.stop();
  await dropDatabase(adminUrl, DATABASE);
  await stop();
}
process.exit(0);
