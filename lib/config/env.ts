import '../validation/zod-config';
import { z } from 'zod';

// Every setting the app reads from its environment, checked once at start (scripts/start.ts,
// and instrumentation.ts for a server started some other way). In production a missing or
// malformed required setting stops the start with a message naming it; locally the start
// script fills in what a laptop needs (embedded database, generated secret, localhost URL).
// .env.example documents the same list; env.test.ts fails when the code reads a variable that is
// neither here nor in NOT_SETTINGS.

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' })
  .describe('postgresql://user:password@host:5432/marginalia');

const publicOrigin = z
  .url({ protocol: /^https?$/, error: 'must be the public http(s):// URL the browser uses' })
  .refine((value) => {
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash;
  }, 'must be an origin only (no path, query or fragment), e.g. https://marginalia.example.org');

const optionalInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: optionalInt(1, 200),
  NEXTAUTH_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters; use 32 random bytes (`openssl rand -base64 32`)')
    .optional(),
  NEXTAUTH_URL: publicOrigin.optional(),
  PORT: optionalInt(1, 65_535),
  HOSTNAME: z.string().min(1).optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|yes|no|on|off|\d{1,2})$/i, 'must be the number of proxies in front of the app (or true/false)')
    .optional(),
  MARGINALIA_SEED: flag.optional(),
  MARGINALIA_MIGRATE: flag.optional(),
  EMBEDDED_POSTGRES_PORT: optionalInt(1, 65_535),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).max(320).optional(),
  SIGN_UP_LIMIT_PER_IP: optionalInt(1, 10_000_000),
  SIGN_IN_LIMIT_PER_IP: optionalInt(1, 10_000_000),
  CORS_ALLOWED_ORIGINS: z
    .string()
    .regex(/^(\*|none|[^\s,]+(\s*,\s*[^\s,]+)*)$/i, 'must be *, none, or a comma-separated list of origins')
    .optional(),
  SHUTDOWN_GRACE_MS: optionalInt(0, 60_000),
  MARGINALIA_APP_DIR: z.string().min(1).optional(),
  MARGINALIA_DEBUG_MIGRATIONS: z.string().optional(),
  MARGINALIA_BENCH_ROUTES: z.enum(['0', '1']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});
export type Env = z.infer<typeof ZEnv>;

/**
 * Variables the code reads that are not settings: set by Next.js or by our own build and start
 * scripts, or read only by the test and benchmark tooling.
 */
export const NOT_SETTINGS = [
  'NEXT_RUNTIME',
  'NEXT_PHASE',
  '__NEXT_PRIVATE_STANDALONE_CONFIG',
  'MARGINALIA_LATEST_MIGRATION',
] as const;

/** Settings without which a production start must stop. */
export const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL'] as const;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Empty strings count as unset: `FOO=` in a compose file or .env means "not configured". */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  const keys = Object.keys(ZEnv.shape);
  return Object.fromEntries(
    keys.flatMap((key) => {
      const value = source[key]?.trim();
      return value ? [[key, value]] : [];
    }),
  );
}

export function parseEnv(source: Record<string, string | undefined>, options: { production: boolean }): EnvResult {
  const values = withoutEmpty(source);
  const problems: string[] = [];
  const parsed = ZEnv.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')} ${issue.message}`);
  }
  if (options.production) {
    for (const key of REQUIRED_IN_PRODUCTION) {
      if (!values[key]) problems.push(`${key} is required in production (see .env.example)`);
    }
  }
  return problems.length || !parsed.success ? { ok: false, problems } : { ok: true, env: parsed.data };
}

/** One message naming every setting at fault, for a start that must stop. */
export function describeEnvProblems(problems: string[]): string {
  return `Marginalia cannot start: its configuration is incomplete.\n${problems.map((line) => `  - ${line}`).join('\n')}`;
}
