import { beforeAll, describe, expect, it } from 'vitest';
import { docToPlainText, type DocNode } from '../../document/article-doc';
import { normalizeArticleDoc } from '../../document/normalize-article-doc';
import { citationIndex, citePassage, formatCitation } from '../../citations/cite-passage';
import { importDocument } from '../import-document';
import { makePdf } from '../testing/make-pdf';
import { MAX_PDF_PAGES } from './pdf-limits';
import { pdfToArticleDoc } from './pdf-to-article-doc';

const HEADER = 'SMITH v. ACME CORP. — DEPOSITION OF J. SMITH — CONFIDENTIAL';
const sentences = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `Sentence ${from + i} of the record.`).join(' ');

function blocksOf(content: DocNode[] | undefined) {
  return (content ?? []).map((node) => ({
    type: node.type,
    level: node.attrs?.level,
    page: node.attrs?.page,
    pageBreaks: (node.attrs?.pageBreaks as number[] | undefined) ?? null,
    text: (node.content ?? []).map((child) => child.text ?? '').join(''),
  }));
}

async function threePageRecord() {
  return makePdf({
    title: 'Deposition of J. Smith',
    author: 'Court Reporter Ltd.',
    header: HEADER,
    pageNumbers: true,
    pages: [
      {
        blocks: [
          { kind: 'heading', text: 'Direct examination' },
          { kind: 'paragraph', text: 'Q. Where were you on the morning of the ninth? A. At the warehouse in Newark.' },
          {
            kind: 'paragraph',
            text: '',
            lines: [
              'A. The containers had a pre-existing arrange-',
              'ment with the carrier, and nobody from the',
              'company inspected them before the court',
            ],
          },
          { kind: 'footnote', text: '1. The carrier is named in Exhibit 4.' },
        ],
      },
      {
        blocks: [
          { kind: 'paragraph', text: 'ordered their release. Q. Who signed the manifest? A. I did.' },
          { kind: 'heading', text: 'Cross-examination' },
          { kind: 'paragraph', text: 'Q. Had you read the contract? A. Not in full.' },
        ],
      },
      { columns: 2, blocks: [{ kind: 'paragraph', text: sentences(0, 90) }] },
    ],
  });
}

describe('pdfToArticleDoc', () => {
  let record: Awaited<ReturnType<typeof pdfToArticleDoc>>;
  beforeAll(async () => {
    record = await pdfToArticleDoc(await threePageRecord());
  });

  it('rebuilds paragraphs and headings, drops the running header and page numbers, and keeps each block’s page', async () => {
    const { doc, metadata } = record;
    const blocks = blocksOf(doc.content);
    const text = docToPlainText(doc);

    expect(metadata).toEqual({ title: 'Deposition of J. Smith', byline: 'Court Reporter Ltd.' });
    expect(text).not.toContain('CONFIDENTIAL');
    expect(text).not.toMatch(/(^|\n)\d(\n|$)/);
    // A block names its page where a page begins (the footnote goes back to page 1 after a
    // paragraph that ran on to page 2); citations carry the page forward.
    expect(blocks.map((block) => [block.type, block.page ?? null])).toEqual([
      ['heading', 1],
      ['paragraph', null],
      ['paragraph', null],
      ['paragraph', 1],
      ['heading', 2],
      ['paragraph', null],
      ['paragraph', 3],
    ]);
    const index = citationIndex(doc);
    const cite = (quote: string) => {
      const start = text.indexOf(quote);
      return formatCitation(citePassage(index, start, start + quote.length));
    };
    expect(cite('Where were you')).toBe('p. 1');
    expect(cite('ordered their release')).toBe('p. 2');
    expect(cite('The carrier is named')).toBe('p. 1');
    expect(cite('Had you read the contract')).toBe('p. 2');
    expect(cite('Sentence 3 of the record')).toBe('p. 3');
    expect(blocks[0]).toMatchObject({ text: 'Direct examination', level: 2 });
    expect(blocks[4]).toMatchObject({ text: 'Cross-examination' });
  });

  it('joins hyphenated line breaks, and carries a sentence across the page break past a footnote', async () => {
    const blocks = blocksOf(record.doc.content);
    const continued = blocks[2]!;
    expect(continued.pageBreaks).not.toBeNull();
    expect(continued.text).toBe(
      'A. The containers had a pre-existing arrangement with the carrier, and nobody from the company inspected them before the court ordered their release. Q. Who signed the manifest? A. I did.',
    );
    expect(continued.pageBreaks).toHaveLength(1);
    expect(continued.text.slice(continued.pageBreaks![0])).toMatch(/^ordered their release\./);
    expect(blocks[3]).toMatchObject({ text: '1. The carrier is named in Exhibit 4.' });
  });

  it('reads a two-column page column by column', async () => {
    const blocks = blocksOf(record.doc.content);
    const columns = blocks[6]!.text;
    const numbers = [...columns.matchAll(/Sentence (\d+) of/g)].map((match) => Number(match[1]));
    expect(numbers.length).toBeGreaterThan(40);
    expect(numbers).toEqual(numbers.map((_, index) => index));
  });

  it('produces a document the editor schema accepts with its page attributes', async () => {
    const normalized = normalizeArticleDoc(record.doc);
    expect(blocksOf(normalized.content).map((block) => block.page ?? null)).toEqual([1, null, null, 1, 2, null, 3]);
  });

  it('refuses a scan (pages that are only images) with a 422 that says why', async () => {
    const scan = await makePdf({ scanned: true, pages: [{ blocks: [] }, { blocks: [] }] });
    await expect(importDocument({ fileName: 'scan.pdf', bytes: scan })).rejects.toMatchObject({
      status: 422,
      userMessage: expect.stringContaining('no text layer'),
    });
  });

  it('refuses a password-protected PDF', async () => {
    const locked = await makePdf({
      userPassword: 'secret',
      pages: [{ blocks: [{ kind: 'paragraph', text: 'Privileged.' }] }],
    });
    await expect(importDocument({ fileName: 'locked.pdf', bytes: locked })).rejects.toMatchObject({
      status: 422,
      userMessage: expect.stringContaining('password'),
    });
  });

  it('refuses damaged files and files that are not PDFs', async () => {
    const whole = await threePageRecord();
    const damaged = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...whole.subarray(9, 200)]);
    for (const bytes of [damaged, new TextEncoder().encode('not a pdf at all')]) {
      await expect(importDocument({ fileName: 'broken.pdf', bytes })).rejects.toMatchObject({
        status: 422,
        userMessage: expect.stringContaining('could not be read'),
      });
    }
  });
});

/** A hand-written PDF, for shapes no writer library makes on purpose. */
function rawPdf(objects: string[]): Uint8Array {
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('PDF bombs', () => {
  it('refuses a page count past the limit before reading any page', async () => {
    const count = MAX_PDF_PAGES + 1;
    const kids = Array.from({ length: count }, (_, index) => `${index + 3} 0 R`).join(' ');
    const bomb = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Count ${count} /Kids [${kids}] >>`,
      ...Array.from({ length: count }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'),
    ]);
    await expect(importDocument({ fileName: 'bomb.pdf', bytes: bomb })).rejects.toMatchObject({
      status: 413,
      userMessage: expect.stringContaining(`up to ${MAX_PDF_PAGES.toLocaleString('en-US')} pages`),
    });
  });

  // The worker's 30 s budget ends any parse; the test's timeout only detects a hang.
  it('refuses deeply nested objects within bounded time', { timeout: 60_000 }, async () => {
    const depth = 200_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const bomb = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Junk ${nested} >>`,
      '<< /Length 0 >>\nstream\n\nendstream',
    ]);
    const error = await importDocument({ fileName: 'nested.pdf', bytes: bomb }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: expect.any(Number) });
    expect((error as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect((error as { status: number }).status).toBeLessThan(500);
  });
});
