import { describe, expect, it } from 'vitest';
import { normalizeArticleDoc } from '../document/normalize-article-doc';
import { splitFrontMatter } from './markdown-front-matter';
import { markdownToArticleDoc } from './markdown-to-article-doc';
import { docOutline } from './testing/doc-outline';

function convert(markdown: string) {
  const result = markdownToArticleDoc(markdown);
  expect(normalizeArticleDoc(result.doc)).toBeTruthy();
  return { ...result, outline: docOutline(result.doc) };
}

describe('markdownToArticleDoc', () => {
  it('takes the first # heading as the title and keeps the structure', () => {
    const { metadata, outline } = convert(
      [
        '# The Headline',
        '',
        'Intro with **bold**, _italic_, ~~struck~~ and a [link](https://example.org/a).',
        'A soft-wrapped second line.',
        '',
        '## Section',
        '',
        '- one',
        '- two',
        '  1. nested',
        '',
        '> quoted',
        '',
        '### Smaller',
        '',
        '```',
        'code line 1',
        '  code line 2',
        '```',
        '',
        '| A | B |',
        '|---|---|',
        '| 1 | 2 |',
      ].join('\n'),
    );
    expect(metadata).toEqual({ title: 'The Headline' });
    expect(outline).toEqual([
      'Intro with **bold**, _italic_, ~~struck~~ and a [link](https://example.org/a). A soft-wrapped second line.',
      'h2: Section',
      '- one',
      '- two',
      '  1. nested',
      '> quoted',
      'h3: Smaller',
      'code line 1⏎  code line 2',
      'A | B',
      '1 | 2',
    ]);
  });

  it('reads front matter for the title, byline, source and date', () => {
    const { metadata, outline } = convert(
      [
        '---',
        'title: "Front matter title"',
        'author: Jane Roe',
        'source: https://example.org/story',
        'date: 2020-02-03',
        'tags:',
        '  - politics',
        '---',
        '# Front matter title',
        '',
        'See [the page](/page).',
      ].join('\n'),
    );
    expect(metadata).toEqual({
      title: 'Front matter title',
      byline: 'Jane Roe',
      sourceUrl: 'https://example.org/story',
      publishedAt: '2020-02-03',
    });
    // The heading repeated the title, so it left the body; relative links resolve against the source.
    expect(outline).toEqual(['See [the page](https://example.org/page).']);
  });

  it('keeps a first heading that differs from the front matter title', () => {
    const { metadata, outline } = convert('---\ntitle: Stated\n---\n# Something else\n\nBody.');
    expect(metadata.title).toBe('Stated');
    expect(outline).toEqual(['h2: Something else', 'Body.']);
  });

  it('derives the title from the first paragraph when there is no heading', () => {
    expect(convert('Just a paragraph of text. Then more.').metadata.title).toBe('Just a paragraph of text');
  });
});

describe('splitFrontMatter', () => {
  it('accepts other key spellings and quotes, and ignores unusable values', () => {
    expect(
      splitFrontMatter("---\nbyline: 'By Ann'\nurl: ftp://x.example\npublished: June 5, 2018\n...\nBody").metadata,
    ).toEqual({ byline: 'Ann', publishedAt: '2018-06-05' });
  });

  it('leaves a leading horizontal rule alone', () => {
    const markdown = '---\nThis is a paragraph, not YAML.\n\n---\n\nMore.';
    expect(splitFrontMatter(markdown)).toEqual({ metadata: {}, body: markdown });
    expect(splitFrontMatter('---\ntitle: never closed\n\nBody').metadata).toEqual({});
  });

  it('handles CRLF line endings and a byte order mark', () => {
    expect(splitFrontMatter('\uFEFF---\r\ntitle: Windows\r\n---\r\nBody')).toEqual({
      metadata: { title: 'Windows' },
      body: 'Body',
    });
  });
});
