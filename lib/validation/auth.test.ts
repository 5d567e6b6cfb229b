import { describe, expect, it } from 'vitest';
import { ZSignUp } from './auth';

describe('ZSignUp', () => {
  it('normalises the email to lower case', () => {
    const parsed = ZSignUp.parse({ name: ' Ada ', email: ' Ada@Example.COM ', password: 'correct horse battery' });
    expect(parsed).toEqual({ name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' });
  });

  it('names every bad field', () => {
    const result = ZSignUp.safeParse({ name: '', email: 'not-an-email', password: 'short' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(fields).toEqual(['email', 'name', 'password']);
  });
});
