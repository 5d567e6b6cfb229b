import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, parseHeadline } from './headline';

describe('parseHeadline', () => {
  it('cuts a headline into plain and matched segments', () => {
    expect(parseHeadline(`the ${HIT_START}report${HIT_END} said ${HIT_START}Sessions${HIT_END}`)).toEqual([
      { text: 'the ', hit: false },
      { text: 'report', hit: true },
      { text: ' said ', hit: false },
      { text: 'Sessions', hit: true },
    ]);
  });

  it('keeps markup in user text as plain text', () => {
    expect(parseHeadline(`<img src=x onerror=alert(1)> ${HIT_START}x${HIT_END}`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', hit: false },
      { text: 'x', hit: true },
    ]);
  });

  it('tolerates an unterminated match', () => {
    expect(parseHeadline(`a ${HIT_START}b`)).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
    ]);
  });
});
