// Markdown → HTML → article document. Raw HTML in Markdown is shown as the text it is,
// never interpreted, so a Markdown import cannot smuggle markup in.
import MarkdownIt from 'markdown-it';
import { renderedHtmlToArticleDoc } from './html-to-article-doc';
import type { ConvertedDocument } from './imported-document';
import { splitFrontMatter } from './markdown-front-matter';

const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** The first `# ` heading is the title (and leaves the body) unless front matter names one. */
export function markdownToArticleDoc(source: string): ConvertedDocument {
  const { metadata, body } = splitFrontMatter(source);
  return renderedHtmlToArticleDoc(markdown.render(body), metadata);
}
