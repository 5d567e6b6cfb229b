// npm run bench:editor — a ~100,000-word article with 5,000 highlights in Chromium, each figure
// beside its floor measured in the same run and browser:
//   (a) the same article and the same 5,000 <mark>s as a static page with no editor and no JS
//       (the floor for opening and for memory);
//   (b) the same editor on a 5,000-word article with the same highlight density (the floor for typing).
// Targets: time to taggable <= 1.5x (a) and <= 1 s; keystroke p99 <= 1.2x (b) and <= 4 ms;
// add one highlight p99 <= 5 ms; JS heap after load <= 2x (a). Uses a throw-away database.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { TAGS } from '../../lib/domain/annotations/tags';
import { describeTextRange } from '../../lib/domain/anchoring/describe-text-range';
import { ensureMembership, ensureUser, ensureWorkspace } from '../../prisma/seed/seed-demo';
import { createArticleFromText } from '../../server/data/articles/create-article-from-text';
import { createPrismaClient, type Db } from '../../server/db/prisma-client';
import { createMigratedDatabase, dropDatabase, resolveTestAdminUrl } from '../db/test-database';
import { chromiumArgs, chromiumExecutable } from '../chromium';
import { startServer } from './bench-server';
import { generateParagraphs, generateSpans } from './generate-article';
import { freePort, staticArticleHtml } from './static-article';

const DATABASE = 'marginalia_bench_editor';
const USER = { email: 'bench@marginalia.local', password: 'bench password 1', name: 'Bench Reviewer' };
const KEYSTROKES = 300;
const LOADS = 3;
const READY_MARK = 'marginalia:highlights-ready';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ratio = (value: number, floor: number) => `${(value / floor).toFixed(2)}x`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function seedArticle(database: Db, workspaceId: string, authorId: string, words: number, highlights: number) {
  const paragraphs = generateParagraphs({ words, seed: words });
  const { id } = await createArticleFromText(database, {
    workspaceId,
    authorId,
    text: paragraphs.join('\n\n'),
    title: `Benchmark: ${words.toLocaleString('en')} words`,
  });
  const revision = await database.articleRevision.findFirstOrThrow({
    where: { articleId: id },
    select: { id: true, text: true },
  });
  const spans = generateSpans(paragraphs, highlights);
  await database.annotation.createMany({
    data: spans.map(([start, end], i) => {
      const { quote } = describeTextRange(revision.text, start, end);
      return {
        workspaceId,
        articleId: id,
        revisionId: revision.id,
        authorId,
        tag: TAGS[i % TAGS.length]!,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        posStart: start,
        posEnd: end,
      };
    }),
  });
  return { id, paragraphs, spans, chars: revision.text.length };
}

/** JS heap in use after a full garbage collection, so what is left is what the page keeps. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** Loads `url` LOADS times; returns the READY_MARK times and the heap after the last load. */
async function measureLoads(page: Page, url: string) {
  const loads: number[] = [];
  const phases: { firstByte: number; lastByte: number; domReady: number }[] = [];
  for (let run = 0; run < LOADS; run++) {
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK, {
      timeout: 60_000,
    });
    loads.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, READY_MARK));
    phases.push(
      await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return { firstByte: nav!.responseStart, lastByte: nav!.responseEnd, domReady: nav!.domContentLoadedEventEnd };
      }),
    );
  }
  const phase = (key: keyof (typeof phases)[number]) =>
    percentile(
      phases.map((p) => p[key]),
      50,
    ).toFixed(0);
  return {
    loads,
    median: percentile(loads, 50),
    heap: await heapAfterGc(page),
    phases: `first byte ${phase('firstByte')} ms, last byte ${phase('lastByte')} ms, DOMContentLoaded ${phase('domReady')} ms`,
  };
}

/** Keystroke latency: keydown to the end of the task that handled it, typed mid-article in edit mode. */
async function measureTyping(page: Page, url: string, paragraphCount: number) {
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK);
  await page.getByRole('button', { name: 'Edit text' }).click();
  const middle = page.locator('[data-testid=article-editor] p').nth(Math.floor(paragraphCount / 2));
  await middle.scrollIntoViewIfNeeded();
  // A lazily mounted block window becomes editable once it is near the viewport.
  await middle.locator('xpath=ancestor::*[@contenteditable="true"]').first().waitFor();
  await middle.click();
  // Let the windows that came into view finish mounting, so only typing is measured.
  await page.waitForTimeout(1_000);
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
  await page.keyboard.type('x'.repeat(KEYSTROKES), { delay: 15 });
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: { callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[] };
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
        .map(([k, v]) => `    ${v}\t${k}`)
        .join('\n'),
    );
  }
  await page.waitForTimeout(200);
  const samples = await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes);
  // Leave edit mode without saving, so the next page load is not held up by the unsaved-edits prompt.
  await page.getByRole('button', { name: 'Cancel' }).click();
  return { samples, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** Adding one highlight to the editor that shows the middle of the article, with all others drawn. */
async function measureAddHighlight(page: Page, paragraphCount: number) {
  const middle = page.locator('[data-testid=article-editor] p').nth(Math.floor(paragraphCount / 2));
  await middle.scrollIntoViewIfNeeded();
  await middle.locator('xpath=ancestor::*[contains(@class, "ProseMirror")]').first().waitFor();
  return middle.evaluate((paragraph) => {
    type Editor = {
      commands: { addAnnotationHighlight: (h: object) => boolean };
      state: { doc: { content: { size: number } } };
    };
    const editor = (paragraph.closest('.ProseMirror') as unknown as { editor: Editor }).editor;
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
}

const { adminUrl, stop } = await resolveTestAdminUrl();
const databaseUrl = await createMigratedDatabase(adminUrl, DATABASE);
const database = createPrismaClient(databaseUrl);
const user = await ensureUser(database, USER);
const workspace = await ensureWorkspace(database, { slug: 'bench', name: 'Bench' });
await ensureMembership(database, { workspaceId: workspace.id, userId: user.id, role: 'owner' });
const large = await seedArticle(database, workspace.id, user.id, 100_000, 5_000);
const small = await seedArticle(database, workspace.id, user.id, 5_000, 250);
await database.$disconnect();

const server = await startServer({ port: await freePort(), databaseUrl });
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
let staticServer: ReturnType<typeof createServer> | null = null;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.origin}/signin`);
  await page.getByLabel('Email').fill(USER.email);
  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/w/bench');
  const largeUrl = `${server.origin}/w/bench/articles/${large.id}`;

  // Floor (a): the app's own stylesheet, inlined, so both pages lay out the same way.
  const appHtml = await (await page.request.get(largeUrl)).text();
  const cssPaths = [...appHtml.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => m[1]!);
  const css = (
    await Promise.all(cssPaths.map(async (p) => (await page.request.get(`${server.origin}${p}`)).text()))
  ).join('\n');
  const floorHtml = staticArticleHtml({ paragraphs: large.paragraphs, spans: large.spans, css, readyMark: READY_MARK });
  staticServer = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(floorHtml);
  });
  await new Promise<void>((resolve) => staticServer!.listen(0, '127.0.0.1', resolve));
  const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/`;

  // Context for the heap ratio: what the framework and the signed-in layout hold on a page with no article.
  await page.goto(`${server.origin}/w/bench`);
  const frameworkHeap = await heapAfterGc(page);
  const floor = await measureLoads(page, staticUrl);
  const app = await measureLoads(page, largeUrl);
  const marks = await page.locator('[data-testid=article-editor] mark[data-annotation-id]').count();
  const adds = await measureAddHighlight(page, large.paragraphs.length);
  const typing = await measureTyping(page, largeUrl, large.paragraphs.length);
  const typingFloor = await measureTyping(
    page,
    `${server.origin}/w/bench/articles/${small.id}`,
    small.paragraphs.length,
  );

  console.log(
    `bench:editor  article: ${large.paragraphs.length} paragraphs, ${large.chars.toLocaleString('en')} chars, ${large.spans.length} highlights (${marks} <mark> elements in the DOM after load); typing floor: ${small.paragraphs.length} paragraphs, ${small.spans.length} highlights`,
  );
  console.log(
    `  time to taggable (navigation start -> highlights drawn, selection taggable): ${app.loads.map((v) => v.toFixed(0)).join(', ')} ms; median ${app.median.toFixed(0)} ms`,
  );
  console.log(
    `    floor (a) static page, same text and <mark>s, no JS: median ${floor.median.toFixed(0)} ms; ratio ${ratio(app.median, floor.median)} (target <= 1.50x and <= 1000 ms)`,
  );
  console.log(`    medians, editor page: ${app.phases}; static page: ${floor.phases}`);
  console.log(
    `  keystroke in edit mode, ${typing.samples.length} keys: p50 ${typing.p50.toFixed(2)} ms, p99 ${typing.p99.toFixed(2)} ms`,
  );
  console.log(
    `    floor (b) same editor, 5,000-word article: p50 ${typingFloor.p50.toFixed(2)} ms, p99 ${typingFloor.p99.toFixed(2)} ms; p99 ratio ${ratio(typing.p99, typingFloor.p99)} (target <= 1.20x and <= 4 ms)`,
  );
  console.log(
    `  add one highlight: p50 ${percentile(adds, 50).toFixed(2)} ms, p99 ${percentile(adds, 99).toFixed(2)} ms over ${adds.length} adds (target <= 5 ms)`,
  );
  console.log(
    `  JS heap after load (after GC): ${mb(app.heap)}; floor (a) ${mb(floor.heap)}; ratio ${ratio(app.heap, floor.heap)} (target <= 2.00x)`,
  );
  console.log(`    for context: the workspace page (framework and layout, no article) holds ${mb(frameworkHeap)}`);
} finally {
  staticServer?.close();
  await browser.close();
  await server.stop();
  await dropDatabase(adminUrl, DATABASE);
  await stop();
}
process.exit(0);
