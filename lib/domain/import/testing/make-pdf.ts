// Builds real PDFs for tests with pdfkit (a PDF writer, so tests never depend on checked-in
// binaries): running headers and page numbers, headings, two-column pages, footnotes,
// paragraphs that run across a page break, password protection and image-only "scans".
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** `lines`: drawn one per line as given, where a test needs to choose the line breaks (hyphens). */
export type PdfBlockSpec = { kind: 'heading' | 'paragraph' | 'footnote'; text: string; lines?: string[] };
export type PdfPageSpec = { blocks: PdfBlockSpec[]; columns?: 1 | 2 };
export type PdfSpec = {
  title?: string;
  author?: string;
  userPassword?: string;
  header?: string;
  pageNumbers?: boolean;
  pages: PdfPageSpec[];
  /** Pages that carry only an image, as a scanner makes them. */
  scanned?: boolean;
};

const MARGIN = 72;
const WIDTH = 612;
const HEIGHT = 792;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A grey 64×64 PNG: enough to stand for a scanned page. */
function greyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(64, 0);
  header.writeUInt32BE(64, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc(64 * 65, 0x80);
  for (let row = 0; row < 64; row++) rows[row * 65] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function drawPage(doc: PDFKit.PDFDocument, spec: PdfSpec, page: PdfPageSpec, number: number): void {
  doc.addPage({ size: [WIDTH, HEIGHT], margin: MARGIN });
  if (spec.header) doc.font('Helvetica').fontSize(9).text(spec.header, MARGIN, 36, { lineBreak: false });
  if (spec.pageNumbers)
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(String(number), WIDTH / 2, HEIGHT - 40, { lineBreak: false });
  if (spec.scanned) {
    doc.image(greyPng(), MARGIN, MARGIN, { width: WIDTH - 2 * MARGIN });
    return;
  }
  doc.x = MARGIN;
  doc.y = MARGIN;
  const body = page.blocks.filter((block) => block.kind !== 'footnote');
  const footnotes = page.blocks.filter((block) => block.kind === 'footnote');
  const columns = page.columns ?? 1;
  for (const block of body) {
    const heading = block.kind === 'heading';
    doc.font(heading ? 'Helvetica-Bold' : 'Times-Roman').fontSize(heading ? 18 : 11);
    if (block.lines) {
      let y = doc.y;
      for (const line of block.lines) {
        doc.text(line, MARGIN, y, { lineBreak: false });
        y += 13;
      }
      doc.x = MARGIN;
      doc.y = y;
      doc.moveDown(0.8);
      continue;
    }
    doc.text(block.text, {
      width: WIDTH - 2 * MARGIN,
      columns,
      columnGap: 24,
      height: columns === 2 ? 520 : undefined,
    });
    doc.moveDown(0.8);
  }
  let y = HEIGHT - MARGIN - 40 * footnotes.length;
  for (const footnote of footnotes) {
    doc
      .font('Times-Roman')
      .fontSize(8)
      .text(footnote.text, MARGIN, y, { width: WIDTH - 2 * MARGIN });
    y = doc.y + 4;
  }
}

export function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      info: { ...(spec.title ? { Title: spec.title } : {}), ...(spec.author ? { Author: spec.author } : {}) },
      ...(spec.userPassword ? { userPassword: spec.userPassword, pdfVersion: '1.7' as const } : {}),
    });
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    spec.pages.forEach((page, index) => drawPage(doc, spec, page, index + 1));
    doc.end();
  });
}
