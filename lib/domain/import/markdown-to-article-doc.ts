// Markdown → markdown-it tokens → the HTML importer's tree → article document. Raw HTML in
// Markdown is shown as the text it is, never interpreted, so a Markdown import cannot smuggle
// markup in.
import MarkdownIt from 'markdown-it';
import { builtDomToArticleDoc } from './html-to-article-doc';
import type { ConvertedDocument } from './imported-document';
import { splitFrontMatter } from './markdown-front-matter';
import { markdownTokensToDom } from './markdown-tokens-to-dom';

const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** The first `# ` heading is the title (and leaves the body) unless front matter names one. */
export function markdownToArticleDoc(source: string): ConvertedDocument {
  const { metadata, body } = splitFrontMatter(source);
  return builtDomToArticleDoc(markdownTokensToDom(markdown.parse(body, {})), metadata);
}
