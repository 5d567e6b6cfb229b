// npm run bench:import — first each format converted in-process (a 10 MB text, Markdown and HTML
// file, the largest .docx accepted, and the largest text-heavy PDF accepted: 2,000 pages, well under
// 10 MB, with a 300-page one for scale), each against its floor: reading the same bytes from disk,
// and with the longest the event loop was held meanwhile. Target: <= 3 s each. Then over HTTP
// against a production build on a throw-away database: the time to import the 10 MB HTML file
// (upload, sanitize, convert, store, index for search; a file that large is converted by a
// background job, so: until the answer (202), and until the poll says done) and to export 5,000
// annotations (with threads and links) as JSON-LD and as CSV.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { importDocument } from '../../lib/domain/import/import-document';
import { MAX_PDF_PAGES } from '../../lib/domain/import/pdf/pdf-limits';
import { makePdf, type PdfPageSpec } from '../../lib/domain/import/testing/make-pdf';
import { uuid7 } from '../../lib/uuid7';
import { createMigratedDatabase, dropDatabase, resolveTestAdminUrl } from '../db/test-database';
import { createPrismaClient, seedTeam } from '../reliability/harness';
import { startServer } from './bench-server';
import { generateParagraphs, generateSpans, seededRandom } from './generate-article';
import { freePort } from './static-article';

const DATABASE = 'marginalia_bench_import';
const TARGET_BYTES = 10 * 1024 * 1024 - 64 * 1024;
const ANNOTATIONS = 5_000;
const RUNS = 3;

/** A news page as sites serve them: head scripts and styles, navigation chrome, then the article. */
function buildNewsPage(): Buffer {
  const random = seededRandom(11);
  const paragraphs = generateParagraphs({ words: 450_000, seed: 5 });
  const chrome = `<nav class="site-nav"><ul>${Array.from({ length: 40 }, (_, i) => `<li class="nav-item"><a href="/section/${i}" data-track="nav-${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;
  const head = `<!doctype html><html><head><title>Benchmark article</title><meta name="author" content="Bench Reporter"><link rel="canonical" href="https://example.org/bench"><style>${'.c{color:red}'.repeat(110_000)}</style><script>${'var x=1;'.repeat(180_000)}</script></head><body>${chrome}<main><article><h1>Benchmark article</h1>`;
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const text = paragraphs[i % paragraphs.length]!;
    const words = text.split(' ');
    const at = Math.floor(random() * words.length);
    words[at] = `<a href="https://example.org/ref/${i}" class="inline-link" rel="noopener">${words[at]}</a>`;
    if (i % 3 === 0) words[0] = `<strong>${words[0]}</strong>`;
    const block =
      i % 25 === 0
        ? `<h2 class="section-heading" id="s${i}">Section ${i}</h2>`
        : `<div class="paragraph-wrapper" data-index="${i}"><p class="story-body__paragraph">${words.join(' ')}</p><aside class="ad-slot" data-ad="${i}"></aside></div>`;
    parts.push(block);
    size += block.length;
  }
  parts.push(`</article></main><footer>${chrome}</footer></body></html>`);
  return Buffer.from(parts.join(''));
}

/**
 * The longest the event loop went without a turn while `work` ran: background imports run in the web
 * server's process, so this is how long that instance's requests can wait on one.
 */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const probe = setInterval(() => {
    stall = Math.max(stall, performance.now() - last);
    last = performance.now();
  }, 5);
  try {
    const result = await work();
    return { result, stall: Math.max(stall, performance.now() - last) };
  } finally {
    clearInterval(probe);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Paragraphs (some with bold and a link), a heading every 20 blocks and a short list every 7, to `bytes`. */
function buildMarkdown(bytes: number): Buffer {
  const paragraphs = generateParagraphs({ words: 450_000, seed: 6 });
  const parts = ['# Benchmark article\n\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const text = paragraphs[i % paragraphs.length]!;
    const block =
      i % 20 === 0
        ? `## Section ${i}\n\n`
        : i % 7 === 0
          ? `- ${text.slice(0, 80)}\n- a **second** point\n\n`
          : `${text.replace(' ', ' **bold** ').replace(/ (\w+) /, ' [$1](https://example.org/ref) ')}\n\n`;
    parts.push(block);
    size += block.length;
  }
  return Buffer.from(parts.join(''));
}

function buildText(bytes: number): Buffer {
  const paragraphs = generateParagraphs({ words: 450_000, seed: 8 });
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = `${paragraphs[i % paragraphs.length]!}\n\n`;
    parts.push(text);
    size += text.length;
  }
  return Buffer.from(parts.join(''));
}

/** The largest .docx the importer accepts is bounded by its unpacked XML (30 MB), not its file size. */
async function buildDocx(): Promise<Buffer> {
  const paragraphs = generateParagraphs({ words: 1_000_000, seed: 9 });
  const children = paragraphs.slice(0, 30_000).map((text, i) =>
    i % 25 === 0
      ? new Paragraph({ text: `Section ${i}`, heading: HeadingLevel.HEADING_2 })
      : new Paragraph({
          children: [new TextRun({ text: text.slice(0, 12), bold: true }), new TextRun(text.slice(12))],
        }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Lines of 11 pt Times on make-pdf's page, estimated on the safe side so no block overflows its page. */
const PDF_LINE_CHARS = 88;
const PDF_PAGE_LINES = 44;
const pdfLines = (text: string) => Math.ceil(text.length / PDF_LINE_CHARS) + 0.8;

/**
 * A deposition as court reporters print it: Q. and A. paragraphs that run on across page breaks,
 * a heading at each examination, a footnote every fourth page and a two-column exhibit page every
 * tenth; make-pdf adds the running header and the page numbers.
 */
function depositionPages(count: number): PdfPageSpec[] {
  const paragraphs = generateParagraphs({ words: 2_500_000, seed: 12 });
  let next = 0;
  let carried: string | null = null;
  const take = () => {
    const text = carried ?? `${next % 2 ? 'A.' : 'Q.'} ${paragraphs[next++ % paragraphs.length]!}`;
    carried = null;
    return text;
  };
  const pages: PdfPageSpec[] = [];
  for (let number = 1; number <= count; number++) {
    if (number % 10 === 0) {
      const words: string[] = [];
      while (words.join(' ').length < 3_000) words.push(...paragraphs[next++ % paragraphs.length]!.split(' '));
      pages.push({ columns: 2, blocks: [{ kind: 'paragraph', text: words.join(' ') }] });
      continue;
    }
    const blocks: PdfPageSpec['blocks'] = [];
    let room = PDF_PAGE_LINES;
    if (number % 25 === 1) {
      blocks.push({ kind: 'heading', text: `Examination ${Math.ceil(number / 25)}` });
      room -= 3;
    }
    if (number % 4 === 0) {
      blocks.push({ kind: 'footnote', text: `${number}. ${paragraphs[number]!.slice(0, 160)}` });
      room -= 4;
    }
    for (;;) {
      const text = take();
      if (pdfLines(text) <= room) {
        blocks.push({ kind: 'paragraph', text });
        room -= pdfLines(text);
        continue;
      }
      // Cut at a word, so the next page carries the sentence on in lower case.
      const cut = text.lastIndexOf(' ', Math.floor(room - 0.8) * PDF_LINE_CHARS - 10);
      if (cut > 0) blocks.push({ kind: 'paragraph', text: text.slice(0, cut) });
      carried = cut > 0 ? text.slice(cut + 1) : text;
      break;
    }
    pages.push({ blocks });
  }
  return pages;
}

async function buildPdf(pages: number): Promise<Buffer> {
  const bytes = await makePdf({
    title: 'Deposition of J. Smith',
    author: 'Court Reporter Ltd.',
    header: 'SMITH v. ACME CORP. — DEPOSITION OF J. SMITH — CONFIDENTIAL',
    pageNumbers: true,
    pages: depositionPages(pages),
  });
  // pdfkit starts a page of its own when text overflows: the count printed must be the real one.
  const written = Buffer.from(bytes)
    .toString('latin1')
    .match(/\/Type \/Page\b(?!s)/g)?.length;
  if (written !== pages) throw new Error(`The bench PDF has ${written} pages, not ${pages}`);
  return Buffer.from(bytes);
}

const files = [
  { format: 'text', fileName: 'bench.txt', bytes: buildText(TARGET_BYTES) },
  { format: 'markdown', fileName: 'bench.md', bytes: buildMarkdown(TARGET_BYTES) },
  { format: 'html', fileName: 'bench.html', bytes: buildNewsPage() },
  { format: 'docx', fileName: 'bench.docx', bytes: await buildDocx() },
  { format: 'pdf', fileName: 'bench.pdf', bytes: await buildPdf(MAX_PDF_PAGES), pages: MAX_PDF_PAGES },
  { format: 'pdf', fileName: 'bench-300.pdf', bytes: await buildPdf(300), pages: 300 },
];
const html = files[2]!.bytes;
const binary = (format: string) => format === 'docx' || format === 'pdf';
const scratch = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
console.log(
  'bench:import  in-process conversion of each format, against the floor of reading the same bytes from disk',
);
for (const file of files) {
  const onDisk = path.join(scratch, file.fileName);
  writeFileSync(onDisk, file.bytes);
  const reads: number[] = [];
  const conversions: number[] = [];
  const stalls: number[] = [];
  let textLength = 0;
  for (let i = 0; i < RUNS; i++) {
    let started = performance.now();
    const read = readFileSync(onDisk);
    if (!binary(file.format)) new TextDecoder().decode(read);
    reads.push(performance.now() - started);
    started = performance.now();
    const { result: imported, stall } = await longestStall(() =>
      importDocument({ fileName: file.fileName, bytes: read }),
    );
    conversions.push(performance.now() - started);
    stalls.push(stall);
    textLength = imported.text.length;
  }
  const size = `${mb(file.bytes.byteLength)}${file.pages ? `, ${file.pages.toLocaleString('en-US')} pages` : ''}`;
  console.log(
    `  ${file.format.padEnd(8)} ${size}: convert median ${ms(median(conversions))} (target <= 3000 ms); floor (read${binary(file.format) ? '' : ' + decode'}) ${median(reads).toFixed(1)} ms; ratio ${(median(conversions) / median(reads)).toFixed(0)}x; ${(textLength / 1e6).toFixed(2)} M characters of text; event loop held up to ${ms(median(stalls))}`,
  );
}
rmSync(scratch, { recursive: true, force: true });

const { adminUrl, stop } = await resolveTestAdminUrl();
const databaseUrl = await createMigratedDatabase(adminUrl, DATABASE);
const database = createPrismaClient(databaseUrl);
const { owner, workspace } = await seedTeam(database, 0);
const server = await startServer({ port: await freePort(), databaseUrl });
const auth = { authorization: `Bearer ${owner.token}` };

try {
  const answers: number[] = [];
  const uploads: number[] = [];
  let articleId = '';
  for (let i = 0; i < RUNS; i++) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(html)], { type: 'text/html' }), 'bench.html');
    const started = performance.now();
    const response = await fetch(`${server.origin}/api/workspaces/${workspace.slug}/articles`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    answers.push(performance.now() - started);
    if (response.status !== 202) throw new Error(`Import answered ${response.status}: ${await response.text()}`);
    const { statusUrl } = (await response.json()) as { statusUrl: string };
    for (;;) {
      const job = (await (await fetch(`${server.origin}${statusUrl}`, { headers: auth })).json()) as {
        state: string;
        error: string | null;
        article: { id: string } | null;
      };
      if (job.state === 'failed') throw new Error(`Background import failed: ${job.error}`);
      if (job.state === 'done') {
        articleId = job.article!.id;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    uploads.push(performance.now() - started);
  }
  console.log(
    `  import over HTTP: answer (202, the request no longer waits for the conversion) median ${ms(median(answers))}; upload → article stored and indexed by the background job: median ${ms(median(uploads))}, runs ${uploads.map(ms).join(', ')}`,
  );

  const revision = await database.articleRevision.findFirstOrThrow({
    where: { articleId },
    select: { id: true, text: true },
  });
  const paragraphs = revision.text.split('\n\n');
  const spans = generateSpans(paragraphs, ANNOTATIONS);
  const tags = ['finding', 'quote', 'rebuttal'];
  const ids = spans.map(() => uuid7());
  await database.annotation.createMany({
    data: spans.map(([start, end], i) => ({
      id: ids[i]!,
      workspaceId: workspace.id,
      articleId,
      revisionId: revision.id,
      authorId: owner.userId,
      tag: tags[i % 3]!,
      note: i % 4 === 0 ? `Note ${i}: check this against the source.` : null,
      quoteExact: revision.text.slice(start, end),
      quotePrefix: revision.text.slice(Math.max(0, start - 32), start),
      quoteSuffix: revision.text.slice(end, end + 32),
      posStart: start,
      posEnd: end,
    })),
  });
  await database.comment.createMany({
    data: ids
      .filter((_, i) => i % 5 === 0)
      .map((annotationId, i) => ({ annotationId, authorId: owner.userId, body: `Reply ${i}` })),
  });
  await database.annotationLink.createMany({
    data: ids.slice(0, 500).map((fromAnnotationId, i) => ({
      workspaceId: workspace.id,
      fromAnnotationId,
      toAnnotationId: ids[ids.length - 1 - i]!,
      type: 'supports' as const,
      createdById: owner.userId,
    })),
  });

  for (const format of ['jsonld', 'csv'] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const response = await fetch(
        `${server.origin}/api/workspaces/${workspace.slug}/export?format=${format}&article=${articleId}`,
        { headers: auth },
      );
      bytes = (await response.arrayBuffer()).byteLength;
      times.push(performance.now() - started);
      if (!response.ok) throw new Error(`Export answered ${response.status}`);
    }
    console.log(
      `  export ${ANNOTATIONS.toLocaleString('en-US')} annotations (+1,000 replies, 500 links) as ${format.toUpperCase()}: median ${ms(median(times))} (${(bytes / 1024 / 1024).toFixed(1)} MB${format === 'jsonld' ? ', the article itself included' : ''})`,
    );
  }
} finally {
  await server.stop();
  await database.$disconnect();
  await dropDatabase(adminUrl, DATABASE);
  await stop();
}
process.exit(0);
