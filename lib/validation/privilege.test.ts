import { describe, expect, it } from 'vitest';
import { PRIVILEGE_BASIS_MAX_LENGTH, ZMarkPrivileged } from './privilege';

describe('ZMarkPrivileged', () => {
  it('takes a short basis, trimmed', () => {
    expect(ZMarkPrivileged.parse({ basis: '  attorney-client ', version: 1 })).toEqual({
      basis: 'attorney-client',
      version: 1,
    });
  });

  it('refuses an empty, overlong or multi-line basis and a missing version', () => {
    for (const input of [
      { basis: '   ', version: 1 },
      { basis: 'x'.repeat(PRIVILEGE_BASIS_MAX_LENGTH + 1), version: 1 },
      { basis: 'a\nb', version: 1 },
      { basis: 'work product' },
      { basis: 42, version: 1 },
    ])
      expect(ZMarkPrivileged.safeParse(input).success).toBe(false);
  });
});
