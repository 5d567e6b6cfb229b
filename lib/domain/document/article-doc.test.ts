import { describe, expect, it } from 'vitest';
import { blocksToDoc, docToBlocks, docToPlainText } from './article-doc';

describe('article documents', () => {
  const blocks = [
    { type: 'paragraph' as const, text: '“We need to take away children,” Sessions said.' },
    { type: 'heading' as const, text: 'Sessions refused interview' },
    { type: 'paragraph' as const, text: 'Zürich — naïve café' },
  ];

  it('builds a TipTap document with subheadings at level 2', () => {
    const doc = blocksToDoc(blocks);
    expect(doc.content?.[1]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Sessions refused interview' }],
    });
  });

  it('derives plain text with a blank line between blocks', () => {
    expect(docToPlainText(blocksToDoc(blocks))).toBe(
      '“We need to take away children,” Sessions said.\n\nSessions refused interview\n\nZürich — naïve café',
    );
  });

  it('round-trips blocks through the document', () => {
    expect(docToBlocks(blocksToDoc(blocks))).toEqual(blocks);
  });

  it('reads marks, hard breaks and empty paragraphs', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'next' },
          ],
        },
        { type: 'paragraph' },
      ],
    };
    expect(docToPlainText(doc)).toBe('bold\nnext\n\n');
  });
});
