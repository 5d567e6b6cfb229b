import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { docToPlainText } from '../document/article-doc';
import { normalizeArticleDoc } from '../document/normalize-article-doc';
import { detectImportFormat, importDocument, MAX_IMPORT_BYTES } from './import-document';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectImportFormat', () => {
  it('goes by the file extension first', () => {
    expect(detectImportFormat('a.txt')).toBe('text');
    expect(detectImportFormat('a.TEXT')).toBe('text');
    expect(detectImportFormat('notes.md', 'text/plain')).toBe('markdown');
    expect(detectImportFormat('notes.markdown')).toBe('markdown');
    expect(detectImportFormat('page.HTML')).toBe('html');
    expect(detectImportFormat('page.htm')).toBe('html');
    expect(detectImportFormat('report.docx', 'application/octet-stream')).toBe('docx');
    expect(detectImportFormat('Deposition.PDF')).toBe('pdf');
  });

  it('falls back to the media type, ignoring parameters', () => {
    expect(detectImportFormat('upload', 'text/html; charset=utf-8')).toBe('html');
    expect(detectImportFormat('upload', 'TEXT/PLAIN')).toBe('text');
    expect(detectImportFormat('upload', 'text/markdown')).toBe('markdown');
    expect(
      detectImportFormat('upload', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBe('docx');
    expect(detectImportFormat('upload', 'application/pdf')).toBe('pdf');
  });

  it('returns null for anything else', () => {
    expect(detectImportFormat('slides.pptx', 'application/vnd.ms-powerpoint')).toBeNull();
    expect(detectImportFormat('old.doc', 'application/msword')).toBeNull();
    expect(detectImportFormat('noextension')).toBeNull();
  });
});

describe('importDocument from files', () => {
  it('imports plain text with the first line as title, removed from the body', async () => {
    const imported = await importDocument({
      fileName: 'story.txt',
      bytes: utf8('\uFEFFA Plain Headline\n\nFirst paragraph.\n\nSection:\n\nSecond paragraph.'),
    });
    expect(imported.format).toBe('text');
    expect(imported.metadata).toEqual({ title: 'A Plain Headline' });
    expect(imported.text).toBe('First paragraph.\n\nSection\n\nSecond paragraph.');
    expect(imported.doc).toEqual(normalizeArticleDoc(imported.doc));
  });

  it('imports HTML with its metadata, text derived from the document', async () => {
    const imported = await importDocument({
      fileName: 'page.html',
      mediaType: 'text/html',
      bytes: utf8(
        '<html><head><title>Page</title><meta name="author" content="Ann"></head><body><p>Hello <b>world</b>.</p></body></html>',
      ),
    });
    expect(imported).toMatchObject({
      format: 'html',
      text: 'Hello world.',
      metadata: { title: 'Page', byline: 'Ann' },
    });
    expect(imported.text).toBe(docToPlainText(imported.doc));
  });

  it('imports Markdown and .docx', async () => {
    const markdown = await importDocument({ fileName: 'a.md', bytes: utf8('# Title\n\nBody *text*.') });
    expect(markdown).toMatchObject({ format: 'markdown', text: 'Body text.', metadata: { title: 'Title' } });

    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Word title', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Word body.' }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(docx));
    const imported = await importDocument({ fileName: 'a.docx', bytes });
    expect(imported).toMatchObject({ format: 'docx', text: 'Word body.', metadata: { title: 'Word title' } });
  });

  it('reads UTF-16 text with a byte order mark and HTML in its declared legacy encoding', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Caf\u00e9 text'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await importDocument({ fileName: 'a.txt', bytes: utf16 })).text).toBe('Café text');

    const latin = new Uint8Array([...utf8('<meta charset="windows-1252"><p>Caf'), 0xe9, 0x93, ...utf8('</p>')]);
    expect((await importDocument({ fileName: 'a.html', bytes: latin })).text).toBe('Café“');
  });

  it('refuses files over 10 MB', async () => {
    await expect(
      importDocument({ fileName: 'big.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }),
    ).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      userMessage: 'Files up to 10 MB can be imported.',
    });
  });

  it('refuses unsupported file types, naming the supported ones', async () => {
    await expect(importDocument({ fileName: 'scan.tiff', bytes: utf8('II*') })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
      userMessage: expect.stringContaining('.txt, .md, .html, .docx, .pdf'),
    });
    await expect(importDocument({ fileName: 'old.doc', bytes: utf8('x') })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      userMessage: expect.stringContaining('save the file as .docx'),
    });
  });

  it('refuses binary content in text formats', async () => {
    const notText = {
      code: 'INVALID_INPUT',
      status: 422,
      userMessage: expect.stringMatching(/^This file is not a text file/),
    };
    await expect(importDocument({ fileName: 'a.txt', bytes: new Uint8Array([0xc3, 0x28]) })).rejects.toMatchObject(
      notText,
    );
    await expect(importDocument({ fileName: 'a.txt', bytes: utf8('text\u0000more') })).rejects.toMatchObject(notText);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(importDocument({ fileName: 'page.html', bytes: png })).rejects.toMatchObject(notText);
  });

  it('refuses a .docx that is really text or HTML', async () => {
    await expect(
      importDocument({ fileName: 'fake.docx', bytes: utf8('<html><body><p>Hi</p></body></html>') }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', userMessage: expect.stringMatching(/could not be read/) });
  });

  it('refuses files without text', async () => {
    for (const [fileName, content] of [
      ['empty.txt', ''],
      ['blank.txt', ' \n\n \n'],
      ['empty.html', '<html><body><script>x()</script></body></html>'],
      ['empty.md', '   '],
    ] as const) {
      await expect(importDocument({ fileName, bytes: utf8(content) })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        userMessage: 'The document has no text to import.',
      });
    }
  });
});

describe('importDocument from pasted text', () => {
  it('treats pasted text as plain text unless told otherwise', async () => {
    const plain = await importDocument({ pastedText: '<p>Looks like HTML</p>\n\n<p>but is text</p>' });
    expect(plain.format).toBe('text');
    expect(plain.text).toContain('<p>');

    const html = await importDocument({ pastedText: '<p>Now <i>HTML</i></p><p>Second.</p>', format: 'html' });
    expect(html).toMatchObject({ format: 'html', text: 'Now HTML\n\nSecond.' });

    const markdown = await importDocument({ pastedText: '# T\n\n- a\n- b', format: 'markdown' });
    expect(markdown).toMatchObject({ format: 'markdown', text: 'a\n\nb', metadata: { title: 'T' } });
  });

  it('refuses pasted docx, empty text and text over the size limit', async () => {
    await expect(importDocument({ pastedText: 'x', format: 'docx' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(importDocument({ pastedText: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(importDocument({ pastedText: 'a'.repeat(MAX_IMPORT_BYTES + 1) })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});
