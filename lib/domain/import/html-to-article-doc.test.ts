import { describe, expect, it } from 'vitest';
import { docToPlainText } from '../document/article-doc';
import { normalizeArticleDoc } from '../document/normalize-article-doc';
import { AppError } from '../../errors';
import { htmlToArticleDoc } from './html-to-article-doc';
import { docOutline } from './testing/doc-outline';

/** Converts and checks the result is a document the editor accepts. */
function convert(html: string) {
  const result = htmlToArticleDoc(html);
  expect(normalizeArticleDoc(result.doc)).toBeTruthy();
  return { ...result, outline: docOutline(result.doc) };
}

describe('htmlToArticleDoc structure', () => {
  it('keeps headings, paragraphs, lists, quotes and inline marks', () => {
    const { outline } = convert(`
      <h2>Background</h2>
      <p>The <strong>report</strong> was <em>long</em>, <b>very</b> <i>long</i>,
         <u>underlined</u> and <s>struck</s> <del>deleted</del> <strike>old</strike>.</p>
      <h3>Details</h3><h4>Deeper</h4><h6>Deepest</h6>
      <ul><li>First item</li><li><p>Second item</p><ol><li>Nested</li></ol></li></ul>
      <ol start="4"><li>Fourth</li></ol>
      <blockquote>Loose quoted text<p>Quoted paragraph</p></blockquote>
    `);
    expect(outline).toEqual([
      'h2: Background',
      'The **report** was _long_, **very** _long_, __underlined__ and ~~struck~~ ~~deleted~~ ~~old~~.',
      'h3: Details',
      'h3: Deeper',
      'h3: Deepest',
      '- First item',
      '- Second item',
      '  1. Nested',
      '1. Fourth',
      '> Loose quoted text',
      '> Quoted paragraph',
    ]);
  });

  it('nests marks in the schema order and merges neighbouring text with the same marks', () => {
    const { doc } = convert('<p><i>a<b>b</b></i><b>c</b><b>d</b></p>');
    expect(doc.content?.[0]?.content).toEqual([
      { type: 'text', text: 'a', marks: [{ type: 'italic' }] },
      { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: 'cd', marks: [{ type: 'bold' }] },
    ]);
  });

  it('keeps safe links, resolves relative ones against the page address, and drops the rest', () => {
    const { outline } = convert(`
      <html><head><link rel="canonical" href="https://news.example/story"></head><body>
      <p><a href="https://example.org/a">web</a> <a href="mailto:desk@example.org">mail</a>
         <a href="/about">relative</a> <a href="#top">anchor</a> <a href="ftp://x.example/f">ftp</a>
         <a>no href</a></p></body></html>`);
    expect(outline).toEqual([
      '[web](https://example.org/a) [mail](mailto:desk@example.org) [relative](https://news.example/about) anchor ftp no href',
    ]);
  });

  it('drops relative links when the page address is unknown', () => {
    expect(convert('<p><a href="/about">about us</a></p>').outline).toEqual(['about us']);
  });

  it('collapses whitespace like a browser and decodes entities', () => {
    const { outline, doc } = convert(
      '<p>\n   Lots   of\t\tspace &amp; &lt;tags&gt; &quot;quotes&quot;&nbsp;&nbsp;here  <b> bold </b> end  </p>',
    );
    expect(outline).toEqual(['Lots of space & <tags> "quotes" here **bold **end']);
    expect(docToPlainText(doc)).toBe('Lots of space & <tags> "quotes" here bold end');
  });

  it('turns <br> into hard breaks without space around them, dropping them at block edges', () => {
    expect(convert('<p><br>one  <br>  two<br><br>three<br></p>').outline).toEqual(['one⏎two⏎⏎three']);
  });

  it('keeps <pre> line breaks and indentation', () => {
    const { doc } = convert('<pre>\nfirst line\n    indented\n\nlast</pre>');
    expect(docToPlainText(doc)).toBe('first line\n    indented\n\nlast');
  });

  it('wraps text that sits directly in divs, list items and quotes in paragraphs', () => {
    expect(convert('<div>one<div>two</div>three</div><ul>loose<li>item</li></ul>').outline).toEqual([
      'one',
      'two',
      'three',
      '- loose',
      '- item',
    ]);
  });

  it('skips empty blocks', () => {
    expect(convert('<p> </p><div>&nbsp;</div><ul><li> </li></ul><blockquote></blockquote><p>Text</p>').outline).toEqual(
      ['Text'],
    );
  });

  it('reshapes list items that do not start with a paragraph', () => {
    const { outline } = convert('<ul><li><ul><li>inner</li></ul>after</li><li><h2>Heading item</h2></li></ul>');
    expect(outline).toEqual(['- inner', '- after', '- Heading item']);
  });

  it('flattens data tables to one paragraph per row', () => {
    const { outline } = convert(`
      <table><caption>Budget</caption>
        <thead><tr><th>Year</th><th>Amount</th></tr></thead>
        <tbody><tr><td>2018</td><td></td><td><p>$1 <b>million</b></p></td></tr></tbody>
      </table>`);
    expect(outline).toEqual(['Budget', 'Year | Amount', '2018 | $1 **million**']);
  });

  it('keeps the paragraphs of a table used for page layout', () => {
    const { outline } = convert(`
      <table><tr><td><h2>Story</h2><p>One.</p><p>Two.</p><p>Three.</p></td><td>Sidebar</td></tr></table>`);
    expect(outline).toEqual(['h2: Story', 'One.', 'Two.', 'Three.', 'Sidebar']);
  });

  it('runs block content inside headings together', () => {
    expect(convert('<h2><div>Part one</div><div>part two</div></h2><p>Body</p>').outline).toEqual([
      'h2: Part one part two',
      'Body',
    ]);
  });

  it('imports only the <article> when the page has one', () => {
    const { outline } = convert(`
      <body><nav><a href="https://x.example/">Home</a></nav><header>Site header</header>
      <article><p>The story.</p></article><aside><article><p>Teaser</p></article></aside>
      <footer>Copyright</footer></body>`);
    expect(outline).toEqual(['The story.']);
  });

  it('falls back to <main>, then to the whole body', () => {
    expect(convert('<header>Site</header><main><p>Main text.</p></main><footer>Foot</footer>').outline).toEqual([
      'Main text.',
    ]);
    expect(convert('<header>Site</header><div><p>Body text.</p></div>').outline).toEqual(['Site', 'Body text.']);
  });

  it('ignores a teaser <article> that is a small part of the main content', () => {
    const story = '<p>Long story text. </p>'.repeat(20);
    const { outline } = convert(`<main>${story}<article><p>Teaser</p></article></main>`);
    expect(outline).toHaveLength(21);
  });

  it('refuses a document without text', () => {
    for (const html of [
      '',
      '   ',
      '<p></p><img src="a.png">',
      '<script>alert(1)</script>',
      '<html><head><title>T</title></head></html>',
    ]) {
      expect(() => htmlToArticleDoc(html)).toThrowError(
        expect.objectContaining({ code: 'INVALID_INPUT', userMessage: 'The document has no text to import.' }),
      );
    }
    expect(() => htmlToArticleDoc('')).toThrow(AppError);
  });

  it('survives deeply nested markup', () => {
    const html = `${'<div><blockquote><ul><li>'.repeat(3000)}deep text${'</li></ul></blockquote></div>'.repeat(3000)}`;
    const { doc } = htmlToArticleDoc(html);
    expect(normalizeArticleDoc(doc)).toBeTruthy();
    expect(docToPlainText(doc)).toContain('deep text');
  });
});

describe('htmlToArticleDoc title and metadata', () => {
  const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

  it('reads the head: og:title, author, canonical address and published date', () => {
    const { metadata } = convert(
      page(
        `<title>Story | The Daily</title><meta property="og:title" content="Story">
         <meta name="author" content="By Jane Doe"><link rel="canonical" href="https://daily.example/story">
         <meta property="article:published_time" content="2018-10-04T22:00:00-04:00">`,
        '<p>Text.</p>',
      ),
    );
    expect(metadata).toEqual({
      title: 'Story',
      byline: 'Jane Doe',
      sourceUrl: 'https://daily.example/story',
      publishedAt: '2018-10-04',
    });
  });

  it('falls back to og:url, bylines and <time> in the article, decoding entities', () => {
    const { metadata } = convert(
      page(
        `<title>Caf&eacute; &amp; bar</title><meta property="og:url" content="http://daily.example/cafe">`,
        `<time datetime="2001-01-01">Old</time><article><p class="byline">By <a rel="author" href="/a">Ann Lee</a></p>
         <time datetime="2019-06-05T10:00:00Z">June 5</time><p>Text.</p></article>`,
      ),
    );
    expect(metadata).toEqual({
      title: 'Café & bar',
      byline: 'Ann Lee',
      sourceUrl: 'http://daily.example/cafe',
      publishedAt: '2019-06-05',
    });
  });

  it('takes the byline paragraph out of the body, since the header shows it', () => {
    const { doc, metadata } = convert(
      page(
        '<title>Story</title>',
        '<article><p class="byline">By <a rel="author" href="/a">Ann Lee</a></p><p>Text by Ann Lee.</p></article>',
      ),
    );
    expect(metadata.byline).toBe('Ann Lee');
    expect(docToPlainText(doc)).toBe('Text by Ann Lee.');
  });

  it('ignores unusable metadata: non-http addresses, URL bylines, dates that are not dates', () => {
    const { metadata } = convert(
      page(
        `<link rel="canonical" href="javascript:alert(1)"><meta property="article:author" content="https://facebook.com/x">
         <meta name="date" content="not a date">`,
        '<p>Just a sentence here. And another.</p>',
      ),
    );
    expect(metadata).toEqual({ title: 'Just a sentence here' });
  });

  it('takes the leading <h1> as the title and removes it from the body', () => {
    const { metadata, outline } = convert('<p>Politics</p><h1>The Headline</h1><p>Body.</p><h1>Later h1</h1>');
    expect(metadata.title).toBe('The Headline');
    expect(outline).toEqual(['Politics', 'Body.', 'h2: Later h1']);
  });

  it('prefers the <h1> over a <title> that adds the site name, and keeps a different <h1>', () => {
    const same = convert(page('<title>The Headline – The Daily</title>', '<h1>The Headline</h1><p>Body.</p>'));
    expect(same.metadata.title).toBe('The Headline');
    expect(same.outline).toEqual(['Body.']);

    const different = convert(page('<title>Another story</title>', '<h1>Section front</h1><p>Body.</p>'));
    expect(different.metadata.title).toBe('Another story');
    expect(different.outline).toEqual(['h2: Section front', 'Body.']);
  });

  it('does not treat an <h1> that follows another heading as the title', () => {
    const { metadata, outline } = convert('<h2>Kicker</h2><h1>Headline</h1><p>Body text here.</p>');
    expect(metadata.title).toBe('Body text here');
    expect(outline).toEqual(['h2: Kicker', 'h2: Headline', 'Body text here.']);
  });

  it('keeps an <h1> that is the only text', () => {
    const { metadata, outline } = convert('<h1>Only a headline</h1>');
    expect(metadata.title).toBe('Only a headline');
    expect(outline).toEqual(['h2: Only a headline']);
  });

  it('derives a title from the first paragraph like the plain-text importer', () => {
    const { metadata } = convert(
      '<p>The Department of Justice Inspector General released a report laying blame for the policy. More.</p>',
    );
    expect(metadata.title).toBe('The Department of Justice Inspector General released a report laying blame for…');
  });
});
