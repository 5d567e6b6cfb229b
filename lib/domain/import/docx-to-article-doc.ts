// Word (.docx) → HTML with mammoth → article document. Word's paragraph styles carry
// the structure: "Title" is the headline, "Heading n" the subheadings.
import mammoth from 'mammoth';
import { renderedHtmlToArticleDoc } from './html-to-article-doc';
import { docxTooLargeUnpacked, unreadableDocx } from './import-errors';
import type { ConvertedDocument } from './imported-document';
import { looksLikeZip, zipInflatedSize, zipUnpackedSize } from './zip-unpacked-size';

/**
 * The XML mammoth reads: a 200-page report has a few MB of it. The limit bounds memory
 * against archive bombs and conversion time (mammoth takes about half a second per MB).
 * Images are not counted, as they are never unpacked.
 */
const MAX_UNPACKED_XML_BYTES = 30 * 1024 * 1024;
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

type WordElement = { type?: string; styleId?: string | null; styleName?: string | null; children?: WordElement[] };

function paragraphs(root: WordElement): WordElement[] {
  const found: WordElement[] = [];
  const stack = [root];
  while (stack.length) {
    const element = stack.pop()!;
    if (element.type === 'paragraph') found.push(element);
    for (const child of element.children ?? []) stack.push(child);
  }
  return found;
}

/**
 * With a Title paragraph present, Word's headings move one level down (Heading 1 → h2),
 * so the Title is the document's only h1 and becomes the article's title. Without one,
 * the first Heading 1 stays an h1 and plays that part.
 */
function demoteHeadingsUnderTitle(document: WordElement): WordElement {
  const all = paragraphs(document);
  if (!all.some((paragraph) => paragraph.styleName?.toLowerCase() === 'title')) return document;
  for (const paragraph of all) {
    const level = Number(paragraph.styleName?.match(/^heading ([1-6])$/i)?.[1]);
    if (!level) continue;
    paragraph.styleName = `Heading ${Math.min(level + 1, 6)}`;
    // The default style map matches style ids before names; the id would undo the change.
    paragraph.styleId = null;
  }
  return document;
}

async function convertToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        transformDocument: (document: WordElement) => demoteHeadingsUnderTitle(document),
        // Images are not imported; skipping them avoids base64-encoding every picture.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return result.value;
  } catch (error) {
    throw unreadableDocx(error);
  }
}

export async function docxToArticleDoc(bytes: Uint8Array): Promise<ConvertedDocument> {
  if (!looksLikeZip(bytes)) throw unreadableDocx();
  const unpackedXml = zipUnpackedSize(bytes, isXmlPart);
  if (unpackedXml === null) throw unreadableDocx(new Error('no zip central directory'));
  if (unpackedXml > MAX_UNPACKED_XML_BYTES) throw docxTooLargeUnpacked();
  // mammoth trusts the declared sizes only after inflating everything: check the real ones.
  const inflatedXml = await zipInflatedSize(bytes, isXmlPart, MAX_UNPACKED_XML_BYTES);
  if (inflatedXml === null) throw unreadableDocx(new Error('an XML part of the archive cannot be unpacked'));
  if (inflatedXml > MAX_UNPACKED_XML_BYTES) throw docxTooLargeUnpacked();
  return renderedHtmlToArticleDoc(await convertToHtml(bytes));
}
