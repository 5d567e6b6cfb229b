import { describe, expect, it } from 'vitest';
import { uuid7 } from './uuid7';

describe('uuid7', () => {
  it('is a version 7, RFC variant UUID carrying the time', () => {
    const id = uuid7(0x0190_0000_0001);
    expect(id).toMatch(/^01900000-0001-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('sorts by creation time', () => {
    expect(uuid7(1_000) < uuid7(2_000)).toBe(true);
  });
});
