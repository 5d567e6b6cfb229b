// One editor configuration for the browser and the server, so a document the server
// accepts is exactly one the editor can show.
import { getSchema, type AnyExtension } from '@tiptap/core';
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

export function articleExtensions(): AnyExtension[] {
  return [
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
