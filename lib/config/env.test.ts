import { describe, expect, it } from 'vitest';
import { describeEnvProblems, parseEnv, REQUIRED_IN_PRODUCTION } from './env';

const complete = {
  DATABASE_URL: 'postgresql://marginalia:secret@db:5432/marginalia',
  NEXTAUTH_SECRET: 'x'.repeat(44),
  NEXTAUTH_URL: 'https://marginalia.example.org',
};

describe('parseEnv', () => {
  it('accepts a complete production configuration', () => {
    const result = parseEnv(
      { ...complete, PORT: '8080', TRUST_PROXY: '1', MARGINALIA_SEED: 'false' },
      { production: true },
    );
    expect(result).toMatchObject({ ok: true, env: { PORT: 8080, TRUST_PROXY: '1', MARGINALIA_SEED: false } });
  });

  it.each(REQUIRED_IN_PRODUCTION)('in production names %s when it is missing or empty', (key) => {
    for (const value of [undefined, '', '   ']) {
      const result = parseEnv({ ...complete, [key]: value }, { production: true });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems).toEqual([`${key} is required in production (see .env.example)`]);
    }
  });

  it('locally needs none of them (the start script provides them)', () => {
    expect(parseEnv({}, { production: false })).toEqual({ ok: true, env: {} });
  });

  it('names every malformed setting at once', () => {
    const result = parseEnv(
      {
        ...complete,
        NEXTAUTH_URL: 'https://marginalia.example.org/app',
        NEXTAUTH_SECRET: 'short',
        DATABASE_URL: 'mysql://x@y/z',
        PORT: '70000',
        SMTP_URL: 'http://mail',
      },
      { production: true },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const named = result.problems.map((line) => line.split(' ')[0]).sort();
    expect(named).toEqual(['DATABASE_URL', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'PORT', 'SMTP_URL']);
    expect(describeEnvProblems(result.problems)).toContain('  - NEXTAUTH_URL must be an origin only');
  });

  it('ignores variables it does not know', () => {
    expect(parseEnv({ HOME: '/root', PATH: '/bin' }, { production: false })).toEqual({ ok: true, env: {} });
  });
});
