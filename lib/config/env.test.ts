import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEnvProblems, NOT_SETTINGS, parseEnv, REQUIRED_IN_PRODUCTION, ZEnv } from './env';

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

describe('the settings list', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const sources = [
    ...['app', 'components', 'server', 'lib', 'scripts/db'].flatMap((dir) =>
      readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(ts|tsx|mjs|js)$/.test(file) && !file.includes('generated') && !file.endsWith('.test.ts'))
        .map((file) => path.join(dir, file)),
    ),
    'instrumentation.ts',
    'proxy.ts',
    'next.config.js',
    'scripts/server.ts',
    'scripts/start.ts',
  ].filter((file) => file !== 'scripts/db/test-database.ts');

  function variablesRead(): string[] {
    const names = new Set<string>();
    for (const file of sources) {
      for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(/process\.env\.([A-Z0-9_]+)/g)) {
        names.add(match[1]!);
      }
    }
    return [...names].sort();
  }

  it('names every environment variable the app and its start scripts read', () => {
    const known = new Set<string>([...Object.keys(ZEnv.shape), ...NOT_SETTINGS]);
    const read = variablesRead();
    expect(read.length).toBeGreaterThan(15);
    expect(read.filter((name) => !known.has(name))).toEqual([]);
  });

  it('documents every setting in .env.example', () => {
    const example = readFileSync(path.join(root, '.env.example'), 'utf8');
    const documented = Object.keys(ZEnv.shape);
    expect(documented.filter((key) => !new RegExp(`^#? ?${key}=`, 'm').test(example))).toEqual([]);
  });

  it('checks the limits and mail settings it lists', () => {
    expect(parseEnv({ SIGN_IN_LIMIT_PER_IP: 'lots' }, { production: false }).ok).toBe(false);
    expect(parseEnv({ SIGN_UP_LIMIT_PER_IP: '0' }, { production: false }).ok).toBe(false);
    expect(
      parseEnv({ CORS_ALLOWED_ORIGINS: 'https://a.example, https://b.example' }, { production: false }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      parseEnv({ MAIL_FROM: 'Marginalia <no-reply@example.org>', SIGN_IN_LIMIT_PER_IP: '500' }, { production: false }),
    ).toEqual({ ok: true, env: { MAIL_FROM: 'Marginalia <no-reply@example.org>', SIGN_IN_LIMIT_PER_IP: 500 } });
  });
});
