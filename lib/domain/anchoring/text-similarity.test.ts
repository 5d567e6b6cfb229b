import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { substringDistance, substringDistanceByTable } from './text-similarity';

describe('substringDistance', () => {
  it('counts the edits to the closest substring', () => {
    expect(substringDistance('children', 'how young the children were')).toBe(0);
    expect(substringDistance('children', 'how young the kids were')).toBe(6);
    expect(substringDistance('deeply concerned', 'they were very concerned')).toBe(4);
    expect(substringDistance('abc', '')).toBe(3);
  });

  it('agrees with the edit-distance table for patterns up to 32 characters (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ', '“', 'é', '🙂');
    const string = (maxLength: number) => fc.array(alphabet, { maxLength }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(string(32), string(48), (pattern, text) => {
        const clipped = pattern.slice(0, 32);
        expect(substringDistance(clipped, text)).toBe(substringDistanceByTable(clipped, text));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('agrees with the table at exactly 32 characters', () => {
    const pattern = 'secutors.\n\ncafé “quoted” naïve D';
    expect(pattern.length).toBe(32);
    for (const text of [pattern, ' fé “quoted” naïve D', 'secutors. café “quoted” naive D!', ''])
      expect(substringDistance(pattern, text)).toBe(substringDistanceByTable(pattern, text));
  });
});
