// Runs PDF.js (pdfjs-dist, the library Hypothesis annotates PDFs with) in a worker thread:
// parsing a hostile PDF must not block the server's event loop, and a worker can be ended
// after a time and memory budget, which PDF.js itself offers no way to bound.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { firstReply } from '../../../workers/first-reply';
import { MAX_PDF_PAGES } from './pdf-limits';
import type { PdfExtraction, PdfExtractionFailure } from './pdf-text-items';

const TIME_BUDGET_MS = 30_000;
const HEAP_BUDGET_MB = 768;

// The worker is a plain-JavaScript string rather than a module of ours because bundlers
// (Next's server build among them) do not emit worker entry files for Node's worker_threads;
// only PDF.js itself is loaded, from node_modules, where a standalone build also keeps it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  const task = pdfjs.getDocument({
    data: workerData.bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    stopAtErrors: false, verbosity: 0, standardFontDataUrl: workerData.fontsUrl,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = error && error.name;
    parentPort.postMessage({ failure: name === 'PasswordException' ? 'encrypted' : 'damaged', message: String(error && error.message) });
    return;
  }
  if (pdf.numPages > workerData.maxPages) {
    parentPort.postMessage({ failure: 'too-many-pages', message: String(pdf.numPages) });
    return;
  }
  const info = {};
  try {
    const meta = await pdf.getMetadata();
    if (meta && meta.info) {
      if (typeof meta.info.Title === 'string') info.title = meta.info.Title;
      if (typeof meta.info.Author === 'string') info.author = meta.info.Author;
    }
  } catch {}
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string') continue;
      const t = item.transform;
      items.push({ str: item.str, x: t[4] - x0, y: t[5] - y0, width: item.width, fontSize: Math.hypot(t[2], t[3]), hasEOL: !!item.hasEOL });
    }
    pages.push({ number, width: x1 - x0, height: y1 - y0, items });
    page.cleanup();
  }
  await pdf.destroy();
  parentPort.postMessage({ extraction: { pages, info } });
})().catch((error) => parentPort.postMessage({ failure: 'damaged', message: String(error && error.message) }));
`;

export class PdfExtractionError extends Error {
  constructor(
    readonly failure: PdfExtractionFailure,
    detail: string,
  ) {
    super(`PDF extraction failed (${failure}): ${detail}`);
  }
}

function pdfjsFiles() {
  const root = path.join(process.cwd(), 'node_modules', 'pdfjs-dist');
  return {
    pdfjsUrl: pathToFileURL(path.join(root, 'legacy', 'build', 'pdf.mjs')).href,
    fontsUrl: `${path.join(root, 'standard_fonts')}/`,
  };
}

/** The text of every page with positions, or a PdfExtractionError saying why not. */
export async function extractPdfText(
  bytes: Uint8Array,
  options: { timeBudgetMs?: number } = {},
): Promise<PdfExtraction> {
  const copy = bytes.slice();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { ...pdfjsFiles(), bytes: copy, maxPages: MAX_PDF_PAGES },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_BUDGET_MB },
    stdout: true,
    stderr: true,
  });
  const message = await firstReply<{ extraction?: PdfExtraction; failure?: PdfExtractionFailure; message?: string }>(
    worker,
    {
      timeoutMs: options.timeBudgetMs ?? TIME_BUDGET_MS,
      onTimeout: () => new PdfExtractionError('too-slow', 'time budget exceeded'),
      onError: (error) =>
        new PdfExtractionError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'damaged', error.message),
      onExit: (code) => new PdfExtractionError('damaged', `worker exited with ${code}`),
    },
  );
  if (message.extraction) return message.extraction;
  throw new PdfExtractionError(message.failure ?? 'damaged', message.message ?? '');
}
