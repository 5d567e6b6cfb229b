import { describe, expect, it } from 'vitest';
import { docToPlainText, type DocNode } from '../document/article-doc';
import { citationIndex, citePassage, formatCitation, passageCiter } from './cite-passage';

const text = (value: string): DocNode[] => [{ type: 'text', text: value }];

const pdfDoc: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2, page: 1 }, content: text('Direct examination') },
    { type: 'paragraph', attrs: { page: 1, pageBreaks: [11] }, content: text('First page and second page text.') },
    { type: 'paragraph', attrs: { page: 2 }, content: text('More on page two.') },
    { type: 'paragraph', attrs: { page: 3 }, content: text('Page three.') },
  ],
};

const articleDoc: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: text('One.') },
    { type: 'heading', attrs: { level: 2 }, content: text('A heading') },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: text('Two, in a list.') }] }],
    },
    { type: 'paragraph', content: [...text('Three'), { type: 'hardBreak' }, ...text('with a break.')] },
  ],
};

function cite(doc: DocNode, quote: string, occurrence = 0) {
  const plain = docToPlainText(doc);
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = plain.indexOf(quote, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  return formatCitation(citePassage(citationIndex(doc), start, start + quote.length));
}

describe('citePassage', () => {
  it('cites PDF passages by the page they stand on, inside a block that runs across pages too', () => {
    expect(cite(pdfDoc, 'Direct')).toBe('p. 1');
    expect(cite(pdfDoc, 'First page')).toBe('p. 1');
    expect(cite(pdfDoc, 'second page')).toBe('p. 2');
    expect(cite(pdfDoc, 'page and second')).toBe('pp. 1–2');
    expect(cite(pdfDoc, 'two.\n\nPage three')).toBe('pp. 2–3');
  });

  it('cites other articles by paragraph number, counting list paragraphs and not headings', () => {
    expect(cite(articleDoc, 'One')).toBe('¶ 1');
    expect(cite(articleDoc, 'in a list')).toBe('¶ 2');
    expect(cite(articleDoc, 'with a break')).toBe('¶ 3');
    expect(cite(articleDoc, 'A heading')).toBe('¶ 2');
    expect(cite(articleDoc, 'list.\n\nThree')).toBe('¶¶ 2–3');
  });

  it('knows no citation for an empty document', () => {
    expect(formatCitation(citePassage(citationIndex({ type: 'doc', content: [] }), 0, 0))).toBeNull();
  });
});

describe('passageCiter', () => {
  it('cites passages of one document, and nothing for an orphan, which has no place now', () => {
    const cite = passageCiter(pdfDoc);
    const plain = docToPlainText(pdfDoc);
    const start = plain.indexOf('Page three');
    expect(cite(start, start + 10)).toBe('p. 3');
    expect(cite(0, plain.length)).toBe('pp. 1–3');
    expect(cite(start, start + 10, true)).toBeNull();
  });
});
