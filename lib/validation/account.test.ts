import { describe, expect, it } from 'vitest';
import { ZAccountToken, ZChangePassword, ZResetPassword } from './account';

describe('account validation', () => {
  it('accepts only whole mailed tokens', () => {
    expect(ZAccountToken.safeParse('a'.repeat(43)).success).toBe(true);
    expect(ZAccountToken.safeParse('a'.repeat(42)).success).toBe(false);
    expect(ZAccountToken.safeParse(`${'a'.repeat(42)}\u0000`).success).toBe(false);
    expect(ZAccountToken.safeParse(`${'a'.repeat(42)}/`).success).toBe(false);
  });

  it('holds new passwords to the sign-up rule', () => {
    expect(ZResetPassword.safeParse({ token: 'a'.repeat(43), password: 'short' }).success).toBe(false);
    expect(ZChangePassword.safeParse({ currentPassword: 'x', newPassword: 'y'.repeat(129) }).success).toBe(false);
    expect(ZChangePassword.safeParse({ currentPassword: 'x', newPassword: 'long enough pass' }).success).toBe(true);
  });
});
