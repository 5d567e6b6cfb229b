import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { blocksToDoc, docToPlainText, type DocNode } from '../document/article-doc';
import { buildTextPositionMap, positionToTextOffset, textOffsetToPosition } from './text-position-map';

const schema = getSchema([StarterKit]);
const toNode = (json: DocNode) => ProseMirrorNode.fromJSON(schema, json);

const article = blocksToDoc([
  { type: 'paragraph', text: '“We need to take away children,” Sessions told the prosecutors.' },
  { type: 'heading', text: 'Sessions tried to distance himself' },
  { type: 'paragraph', text: 'Zürich café — naïve 🙂 emoji and “curly” quotes’' },
]);

const rich: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'plain' },
        { type: 'hardBreak' },
        { type: 'text', text: 'after break' },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first item' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second item' }] }] },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'End' }] },
  ],
};

describe.each([
  ['a seed-like article', article],
  ['marks, hard breaks, empty paragraphs and lists', rich],
])('text position map on %s', (_label, json) => {
  const doc = toNode(json);
  const map = buildTextPositionMap(doc);

  it('derives exactly the plain text the server stores', () => {
    expect(map.text).toBe(docToPlainText(json));
  });

  it('round-trips every offset inside a block through document positions', () => {
    for (const block of map.blocks) {
      for (let offset = block.textStart; offset <= block.textEnd; offset++) {
        expect(positionToTextOffset(map, textOffsetToPosition(map, offset))).toBe(offset);
      }
    }
  });

  it('maps every non-empty range to the same text in the document', () => {
    for (const block of map.blocks) {
      for (let start = block.textStart; start < block.textEnd; start += 3) {
        for (let end = start + 1; end <= block.textEnd; end += 5) {
          const from = textOffsetToPosition(map, start, 1);
          const to = textOffsetToPosition(map, end, -1);
          expect(doc.textBetween(from, to, '\n\n', '\n')).toBe(map.text.slice(start, end));
        }
      }
    }
  });

  it('maps ranges across block boundaries to the same text', () => {
    const from = textOffsetToPosition(map, 2, 1);
    const to = textOffsetToPosition(map, map.text.length - 1, -1);
    expect(doc.textBetween(from, to, '\n\n', '\n')).toBe(map.text.slice(2, map.text.length - 1));
  });
});

describe('text position map edges', () => {
  const doc = toNode(article);
  const map = buildTextPositionMap(doc);

  it('snaps offsets inside a block separator to the neighbouring block edges', () => {
    const first = map.blocks[0]!;
    const second = map.blocks[1]!;
    expect(textOffsetToPosition(map, first.textEnd + 1, -1)).toBe(first.pmEnd);
    expect(textOffsetToPosition(map, first.textEnd + 1, 1)).toBe(second.pmStart);
  });

  it('maps positions between blocks to the nearest block edge', () => {
    const first = map.blocks[0]!;
    expect(positionToTextOffset(map, first.pmEnd)).toBe(first.textEnd);
    expect(positionToTextOffset(map, 0)).toBe(0);
    expect(positionToTextOffset(map, doc.content.size)).toBe(map.text.length);
  });

  it('handles an empty document', () => {
    const empty = buildTextPositionMap(toNode({ type: 'doc', content: [{ type: 'paragraph' }] }));
    expect(empty.text).toBe('');
    expect(textOffsetToPosition(empty, 0)).toBe(1);
    expect(positionToTextOffset(empty, 1)).toBe(0);
  });
});
