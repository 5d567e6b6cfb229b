// One editor configuration for the browser and the server, so a document the server
// accepts is exactly one the editor can show.
import { Extension, getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export const SAFE_LINK_PROTOCOLS = ['http', 'https', 'mailto'];

export function isSafeHref(href: unknown): boolean {
  if (typeof href !== 'string') return false;
  try {
    const url = new URL(href, 'https://relative.invalid');
    return SAFE_LINK_PROTOCOLS.includes(url.protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

const pageList = (value: string | null) =>
  value
    ? value
        .split(' ')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n >= 0)
    : null;

/**
 * The page of the source PDF a block starts on, and where later pages begin inside it, so
 * annotations on imported PDFs can be cited by page; other articles leave both unset.
 */
export const PageCitation = Extension.create({
  name: 'pageCitation',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading'],
        attributes: {
          page: {
            default: null,
            // Pasted markup can carry any value: only a page the document check accepts is kept.
            parseHTML: (element) => pageList(element.getAttribute('data-page'))?.find((page) => page >= 1) ?? null,
            renderHTML: (attributes) => (attributes.page ? { 'data-page': String(attributes.page) } : {}),
          },
          pageBreaks: {
            default: null,
            parseHTML: (element) => pageList(element.getAttribute('data-page-breaks')),
            renderHTML: (attributes) =>
              Array.isArray(attributes.pageBreaks) && attributes.pageBreaks.length
                ? { 'data-page-breaks': attributes.pageBreaks.join(' ') }
                : {},
          },
        },
      },
    ];
  },
});

export function articleExtensions(): AnyExtension[] {
  return [
    PageCitation,
    StarterKit.configure({
      heading: { levels: [2, 3] },
      codeBlock: false,
      code: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        protocols: SAFE_LINK_PROTOCOLS,
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
  ];
}

export const articleSchema = getSchema(articleExtensions());
