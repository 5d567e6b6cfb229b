// First line of defence for imported HTML: a strict allowlist, applied before the markup
// is read into a tree. The converter after it only maps what it knows, so anything this
// lets through still cannot reach the document as markup; this pass makes sure hostile
// content (scripts, frames, SVG/MathML, event handlers, unsafe URLs) never gets that far.
import sanitizeHtml from 'sanitize-html';
import { SAFE_LINK_PROTOCOLS } from '../document/article-schema';

const BLOCK_TAGS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
];
const TABLE_TAGS = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'];
const INLINE_TAGS = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
];

/**
 * Dropped together with everything inside them: code, embedded documents, foreign
 * markup and form controls have no readable article text, and keeping their text would
 * turn a script into a paragraph.
 */
const DROPPED_WITH_CONTENT = [
  'applet',
  'audio',
  'button',
  'canvas',
  'datalist',
  'dialog',
  'embed',
  'frame',
  'frameset',
  'iframe',
  'map',
  'math',
  'nav',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'option',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
  'xmp',
];

/** Deeper markup loses its tags (its text stays), which bounds recursion further on. */
export const MAX_HTML_NESTING = 80;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, ...TABLE_TAGS, ...INLINE_TAGS],
  allowedAttributes: { a: ['href'], ol: ['start'] },
  allowedSchemes: SAFE_LINK_PROTOCOLS,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  nestingLimit: MAX_HTML_NESTING,
  parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
};

export function sanitizeImportHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
