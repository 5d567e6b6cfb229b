import { describe, expect, it } from 'vitest';
import { changeSize, diffRevisions } from './diff-revisions';

const A = 'First paragraph here.';
const B = 'It did not matter how young the children were.';
const C = 'A third paragraph.';
const join = (...paragraphs: string[]) => paragraphs.join('\n\n');

describe('diffRevisions', () => {
  it('shows a word edit inside a paragraph as a changed paragraph with word parts', () => {
    const blocks = diffRevisions(join(A, B, C), join(A, B.replace('children', 'kids'), C));
    expect(blocks.map((block) => block.kind)).toEqual(['equal', 'changed', 'equal']);
    const changed = blocks[1]!;
    expect(changed.kind === 'changed' && changed.words.filter((w) => w.kind !== 'equal')).toEqual([
      { kind: 'removed', text: 'children' },
      { kind: 'added', text: 'kids' },
    ]);
  });

  it('shows a paragraph that moved as a move, not a removal and an addition', () => {
    const blocks = diffRevisions(join(A, B, C), join(B, C, A));
    const kinds = blocks.map((block) => block.kind);
    expect(kinds).toContain('moved-away');
    expect(kinds).toContain('moved-here');
    expect(kinds).not.toContain('removed');
    expect(kinds).not.toContain('added');
  });

  it('keeps offsets into each revision, for marking annotations', () => {
    const blocks = diffRevisions(join(A, B), join(A, 'New.', B));
    const added = blocks.find((block) => block.kind === 'added');
    expect(added).toEqual({ kind: 'added', text: 'New.', to: { start: A.length + 2, end: A.length + 6 } });
  });

  it('measures a change by the span that differs', () => {
    expect(changeSize('abcdef', 'abXYef')).toBe(2);
    expect(changeSize('same', 'same')).toBe(0);
    expect(changeSize('', 'new')).toBe(3);
  });
});
