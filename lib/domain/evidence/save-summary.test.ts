import { describe, expect, it } from 'vitest';
import { summarizeAnchors } from './save-summary';

describe('summarizeAnchors', () => {
  it('says nothing when every annotation is still exact', () => {
    expect(summarizeAnchors([{ state: 'exact' }, { state: 'exact' }])).toBe('');
    expect(summarizeAnchors([])).toBe('');
  });

  it('counts each state that is news, in a fixed order', () => {
    const states = ['orphaned', 'moved', 'exact', 'not_searched', 'moved', 'changed'] as const;
    expect(summarizeAnchors(states.map((state) => ({ state })))).toBe(
      ' Annotations: 2 moved, 1 with changed words, 1 orphaned, 1 not searched (searched again on the next save).',
    );
  });
});
