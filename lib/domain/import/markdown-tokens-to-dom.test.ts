import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { normalizeArticleDoc } from '../document/normalize-article-doc';
import { renderedHtmlToArticleDoc } from './html-to-article-doc';
import { markdownToArticleDoc } from './markdown-to-article-doc';

// The way Markdown was imported before: render HTML, sanitise it, parse it, walk it. The token
// path must give the very same document, including for hostile input.
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
const viaHtml = (source: string) => renderedHtmlToArticleDoc(markdown.render(source));

const SAMPLES = [
  '# Title\n\nA **bold** and *italic* and ~~struck~~ paragraph with `code` and a [link](https://example.org/a b).',
  '- tight\n- list **two**\n\n1. one\n2. two\n\n5. starts at five\n6. six',
  '- loose\n\n- list\n\n  with a second paragraph\n\n  > and a quote',
  '> quoted\n> > nested\n\n>     indented code in a quote',
  '| a | b |\n|---|:-:|\n| 1 | 2 |\n| **x** | [y](http://example.org) |',
  '```js\nconst x = "<script>";\n```\n\n    indented\n    code\n\n---\n\nafter the rule',
  'line one  \nline two\\\nline three\nsoft break',
  '<script>alert(1)</script> <b>not bold</b> &amp; &lt;tag&gt; &copy;',
  '[bad](javascript:alert(1)) [data](data:text/html,x) [ftp](ftp://example.org) [mail](mailto:a@example.org) [anchor](#top) [rel](/relative)',
  '![image](https://example.org/x.png "t") text after ![](y.png)',
  '## Heading with [link](https://example.org) and **bold**\n\n### Third\n\n#### Fourth\n\nSetext\n======\n\nSub\n---',
  '- [ ] task\n- item\n  - nested\n    - deeper\n\n* other\n+ marker',
  `${'> '.repeat(120)}deep quote`,
  `${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}`,
  'Text\u0000with\u0007controls\u00a0and\ttabs   and   spaces',
  '',
  '   \n\n  ',
];

describe('Markdown through tokens', () => {
  it.each(SAMPLES.map((sample) => [sample.slice(0, 40), sample]))('gives what the HTML path gave: %s', (_, sample) => {
    let expected: unknown;
    try {
      expected = normalizeArticleDoc(viaHtml(sample).doc);
    } catch (error) {
      expect(() => markdownToArticleDoc(sample)).toThrow((error as Error).message);
      return;
    }
    const converted = markdownToArticleDoc(sample);
    expect(normalizeArticleDoc(converted.doc)).toEqual(expected);
    expect(converted.metadata).toEqual(viaHtml(sample).metadata);
  });
});
