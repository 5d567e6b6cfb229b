import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises refused and dropped connections at any depth of the cause chain', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(
      isDatabaseUnavailable({
        code: 'P2010',
        meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('x', { cause: new Error('Connection terminated unexpectedly') }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable({ code: 'P1001' })).toBe(true);
  });

  it('recognises a server shutting down (SQLSTATE 57P01) or refusing connections (08006)', () => {
    expect(isDatabaseUnavailable({ originalCode: '57P01', kind: 'postgres' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
  });

  it('treats a transaction that could not start in time (P2028) as a busy server, to retry', () => {
    expect(
      isDatabaseUnavailable({
        code: 'P2028',
        message: 'Transaction API error: Unable to start a transaction in the given time.',
      }),
    ).toBe(true);
  });

  it('leaves request errors alone', () => {
    expect(isDatabaseUnavailable({ code: 'P2002' })).toBe(false);
    expect(isDatabaseUnavailable({ originalCode: '23505', kind: 'postgres' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('Unique constraint failed'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
