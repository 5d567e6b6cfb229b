import { describe, expect, it } from 'vitest';
import { ZDisplayName } from '../../validation/display-name';
import { cleanDisplayName, memberLabels } from './display-names';

describe('display names', () => {
  it.each([
    ['Rita\u202e Reviewer', 'Rita Reviewer'],
    ['Ri\u200bta Reviewer', 'Rita Reviewer'],
    ['\u2066Rita Reviewer\u2069', 'Rita Reviewer'],
    ['Rita\u00a0\u3000 Reviewer\ufeff', 'Rita Reviewer'],
    ['Rita\u0000Reviewer', 'RitaReviewer'],
  ])('strips format and control characters from %j', (input, expected) => {
    expect(cleanDisplayName(input)).toBe(expected);
    expect(ZDisplayName.parse(input)).toBe(expected);
  });

  it('refuses a name made only of invisible characters', () => {
    expect(ZDisplayName.safeParse('\u200b\u202e\u2066').success).toBe(false);
  });

  it('keeps the name alone when it is unique in the workspace', () => {
    const labels = memberLabels([
      { userId: 'a', name: 'Rita Reviewer', email: 'rita@e2e.test' },
      { userId: 'b', name: 'Ben Reviewer', email: 'ben@e2e.test' },
    ]);
    expect([...labels.values()]).toEqual(['Rita Reviewer', 'Ben Reviewer']);
  });

  it('tells apart members whose names look the same, by part of the email', () => {
    const labels = memberLabels([
      { userId: 'a', name: 'Rita Reviewer', email: 'reviewer.a@e2e.test' },
      { userId: 'b', name: 'rita  reviewer', email: 'reviewer.b@e2e.test' },
      { userId: 'c', name: 'Ben', email: 'ben@e2e.test' },
    ]);
    expect(labels.get('a')).toBe('Rita Reviewer (reviewer.a@e2e.test)');
    expect(labels.get('b')).toBe('rita  reviewer (reviewer.b@e2e.test)');
    expect(labels.get('c')).toBe('Ben');
    const short = memberLabels([
      { userId: 'a', name: 'Sam', email: 'samuel@one.test' },
      { userId: 'b', name: 'Sam', email: 'sam.k@two.test' },
    ]);
    expect(short.get('a')).toBe('Sam (sam…@one.test)');
    expect(short.get('b')).toBe('Sam (sam…@two.test)');
  });
});
