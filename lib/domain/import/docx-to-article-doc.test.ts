import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { describe, expect, it } from 'vitest';
import { normalizeArticleDoc } from '../document/normalize-article-doc';
import { docxToArticleDoc } from './docx-to-article-doc';
import { docOutline } from './testing/doc-outline';
import { storedZip } from './testing/stored-zip';

async function makeDocx(paragraphs: Paragraph[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

function body(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ children });
}

const storyParagraphs = () => [
  new Paragraph({ text: 'Heading one', heading: HeadingLevel.HEADING_1 }),
  new Paragraph({ text: 'Heading two', heading: HeadingLevel.HEADING_2 }),
  body([
    new TextRun('Plain, '),
    new TextRun({ text: 'bold', bold: true }),
    new TextRun(' and '),
    new TextRun({ text: 'italic', italics: true }),
    new TextRun(' words.'),
  ]),
  new Paragraph({ text: 'First bullet', bullet: { level: 0 } }),
  new Paragraph({ text: 'Nested bullet', bullet: { level: 1 } }),
  new Paragraph({ text: 'Second bullet', bullet: { level: 0 } }),
  body([
    new TextRun('Read '),
    new ExternalHyperlink({
      link: 'https://oig.justice.gov/',
      children: [new TextRun({ text: 'the report', style: 'Hyperlink' })],
    }),
    new TextRun('.'),
  ]),
];

const expectUnreadable = (promise: Promise<unknown>) =>
  expect(promise).rejects.toMatchObject({
    code: 'INVALID_INPUT',
    userMessage: 'This .docx file could not be read. It may be damaged or not a Word document.',
  });

describe('docxToArticleDoc', () => {
  it('maps a Title, headings, bold and italic, bullets and hyperlinks', async () => {
    const bytes = await makeDocx([
      new Paragraph({ text: 'The Word Title', heading: HeadingLevel.TITLE }),
      ...storyParagraphs(),
    ]);
    const { doc, metadata } = await docxToArticleDoc(bytes);
    expect(normalizeArticleDoc(doc)).toBeTruthy();
    expect(metadata).toEqual({ title: 'The Word Title' });
    expect(docOutline(doc)).toEqual([
      'h2: Heading one',
      'h3: Heading two',
      'Plain, **bold** and _italic_ words.',
      '- First bullet',
      '  - Nested bullet',
      '- Second bullet',
      'Read [the report](https://oig.justice.gov/).',
    ]);
  });

  it('takes the first Heading 1 as the title when there is no Title paragraph', async () => {
    const { doc, metadata } = await docxToArticleDoc(await makeDocx(storyParagraphs()));
    expect(metadata.title).toBe('Heading one');
    expect(docOutline(doc).slice(0, 2)).toEqual(['h2: Heading two', 'Plain, **bold** and _italic_ words.']);
  });

  it('refuses files that are not zip archives, such as text or HTML renamed to .docx', async () => {
    await expectUnreadable(docxToArticleDoc(new TextEncoder().encode('<html><body>Not Word</body></html>')));
    await expectUnreadable(docxToArticleDoc(new Uint8Array()));
  });

  it('refuses truncated archives and zip files that are not Word documents', async () => {
    const docx = await makeDocx(storyParagraphs());
    await expectUnreadable(docxToArticleDoc(docx.subarray(0, docx.length / 2)));
    await expectUnreadable(docxToArticleDoc(storedZip([{ name: 'notes.txt', content: 'hello' }])));
  });

  it('refuses an archive whose XML claims to unpack to more than 30 MB, before unpacking it', async () => {
    const bomb = storedZip([{ name: 'word/document.xml', content: '<x/>', declaredSize: 200 * 1024 * 1024 }]);
    await expect(docxToArticleDoc(bomb)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Pictures are never unpacked, so a large one does not count.
    const picture = storedZip([{ name: 'word/media/image1.png', content: 'png', declaredSize: 200 * 1024 * 1024 }]);
    await expectUnreadable(docxToArticleDoc(picture));
  });

  it('refuses an archive whose XML really inflates past 30 MB, whatever sizes it declares', async () => {
    // About 40 KB deflated, 40 MB inflated, declared as 100 bytes: a lie mammoth would only
    // find out after inflating it all.
    const bomb = storedZip([
      { name: 'word/document.xml', content: '<x/>'.padEnd(40 * 1024 * 1024, ' '), declaredSize: 100, deflate: true },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    await expect(docxToArticleDoc(bomb)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses an archive whose XML part is not valid deflate data', async () => {
    const corrupt = storedZip([{ name: 'word/document.xml', content: '<x/>', deflate: true }]);
    const dataStart = 30 + 'word/document.xml'.length;
    corrupt.fill(0xff, dataStart, dataStart + 4);
    await expectUnreadable(docxToArticleDoc(corrupt));
  });

  it('refuses a Word document without text', async () => {
    await expect(docxToArticleDoc(await makeDocx([new Paragraph({ text: '' })]))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: 'The document has no text to import.',
    });
  });
});
