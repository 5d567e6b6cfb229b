import { describe, expect, it } from 'vitest';
import { blocksToDoc, docToPlainText } from './article-doc';
import { normalizeArticleDoc, textToArticleDoc } from './normalize-article-doc';

describe('normalizeArticleDoc', () => {
  it('keeps the page a block starts on and its page breaks, and refuses anything but whole numbers', () => {
    const withPage = (attrs: Record<string, unknown>) => ({
      type: 'doc',
      content: [{ type: 'paragraph', attrs, content: [{ type: 'text', text: 'Cited' }] }],
    });
    expect(normalizeArticleDoc(withPage({ page: 12, pageBreaks: [3] })).content?.[0]?.attrs).toEqual({
      page: 12,
      pageBreaks: [3],
    });
    expect(normalizeArticleDoc(withPage({})).content?.[0]?.attrs).toBeUndefined();
    for (const attrs of [{ page: '<b>12</b>' }, { page: 0 }, { page: 1.5 }, { pageBreaks: ['x'] }, { pageBreaks: 4 }]) {
      expect(() => normalizeArticleDoc(withPage(attrs))).toThrow(/page/);
    }
  });

  it('accepts an editor document and returns it in schema form', () => {
    const doc = blocksToDoc([
      { type: 'heading', text: 'Title' },
      { type: 'paragraph', text: 'Body' },
    ]);
    expect(docToPlainText(normalizeArticleDoc(doc))).toBe('Title\n\nBody');
  });

  it.each([
    ['an unknown node', { type: 'doc', content: [{ type: 'script', content: [] }] }],
    ['text directly in the doc', { type: 'doc', content: [{ type: 'text', text: 'loose' }] }],
    ['a javascript: link', linkDoc('javascript:alert(1)')],
    ['a data: link', linkDoc('data:text/html,<script>alert(1)</script>')],
    ['not a doc', { type: 'paragraph', content: [] }],
  ])('refuses %s', (_label, json) => {
    expect(() => normalizeArticleDoc(json)).toThrow();
  });

  it('keeps safe links', () => {
    expect(JSON.stringify(normalizeArticleDoc(linkDoc('https://example.org/report')))).toContain(
      'https://example.org/report',
    );
  });
});

describe('textToArticleDoc', () => {
  it('round-trips plain text exactly, including line breaks and empty blocks', () => {
    for (const text of ['a\n\nb', 'one\ntwo\n\n\n\nthree', '', 'x\n\n\ny']) {
      expect(docToPlainText(textToArticleDoc(text))).toBe(text);
    }
  });

  it('keeps subheadings of the previous document', () => {
    const previous = blocksToDoc([
      { type: 'heading', text: 'Sessions refused interview' },
      { type: 'paragraph', text: 'Old' },
    ]);
    const doc = textToArticleDoc('Sessions refused interview\n\nNew words', previous);
    expect(doc.content?.map((node) => node.type)).toEqual(['heading', 'paragraph']);
  });
});

function linkDoc(href: string) {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href } }] }] },
    ],
  };
}
