// npm run security:forged-headers — the forged X-Forwarded-For attacks of issue #11 item 10,
// against the production server (scripts/server.ts) without TRUST_PROXY, on a throw-away
// database. Each client talks from its own loopback address (127.0.0.2, .3, …), so the server
// sees distinct socket addresses, as it would for distinct machines:
//  1. rotating X-Forwarded-For on every attempt no longer dodges the per-address limit;
//  2. 10 wrong passwords for someone's email, from elsewhere, do not lock the owner out;
//  3. 21 bad tokens sent with the victim's address do not get the victim's valid token a 429.
// Prints one figure line for test:security and exits non-zero when an attack works.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RATE_LIMITS } from '../../lib/security/rate-limit';
import { projectRoot } from '../db/schema-engine';
import { createMigratedDatabase, dropDatabase, resolveTestAdminUrl } from '../db/test-database';
import { reportFigure } from '../../e2e/fixtures/figures';
import { check, freePort, launch, waitForStatus, WebClient } from '../deploy/harness';
import { productionServerArgs } from '../server-command';

if (!existsSync(path.join(projectRoot, '.next', 'standalone', 'server.js'))) {
  console.error('No production build: run `next build` first.');
  process.exit(1);
}

const DATABASE = `marginalia_test_forged_${process.pid}`;
const { adminUrl, stop } = await resolveTestAdminUrl();
const databaseUrl = await createMigratedDatabase(adminUrl, DATABASE);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = launch(process.execPath, productionServerArgs(projectRoot), {
  cwd: projectRoot,
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: base,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    TRUST_PROXY: '',
    LOG_LEVEL: 'warn',
  },
});
const forged = () => ({ 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 254) + 1}` });
const from = (address: string, headers: Record<string, string> = {}) => new WebClient(base, base, headers, address);
let failed = false;

try {
  await waitForStatus(`${base}/api/health`, 200, 120_000, app.exited);
  const ownerEmail = `owner-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'forged header owner password';
  const owner = from('127.0.0.3');
  check(
    (await owner.json('/api/signup', 'POST', { name: 'Owner', email: ownerEmail, password })).status === 202,
    'owner signed up',
  );
  check((await owner.signIn(ownerEmail, password)) === 200, 'owner signed in');
  const { token } = (await (await owner.json('/api/tokens', 'POST', { name: 'victim' })).json()) as { token: string };

  // 1. A fresh forged address on every attempt, 5 attempts past the per-address failure limit.
  const limit = RATE_LIMITS.signInIpFailures.limit;
  const rotating: number[] = [];
  for (let i = 0; i < limit + 5; i++) {
    const attacker = new WebClient(base, base, forged(), '127.0.0.2');
    rotating.push(await attacker.signIn(`guess-${i}-${randomUUID()}@example.test`, 'wrong'));
  }
  const refusedPast = rotating.slice(limit).filter((status) => status === 429).length;
  check(
    refusedPast === 5,
    `rotating X-Forwarded-For: ${refusedPast}/5 attempts past the limit refused (${rotating.join(' ')})`,
  );

  // 2. Someone else fails 10 times on the owner's email (forging addresses too).
  for (let i = 0; i < 10; i++) await new WebClient(base, base, forged(), '127.0.0.4').signIn(ownerEmail, `wrong ${i}`);
  const started = Date.now();
  const ownerAgain = from('127.0.0.3');
  const ownerStatus = await ownerAgain.signIn(ownerEmail, password);
  const waited = (Date.now() - started) / 1000;
  check(
    ownerStatus === 200 && (await ownerAgain.sessionEmail()) === ownerEmail,
    `the owner still signs in after 10 wrong passwords by others (${ownerStatus}, ${waited.toFixed(1)} s)`,
  );

  // 3. Bad tokens sent with the victim's address, then the victim's own valid token.
  const guesser = from('127.0.0.5', { 'x-forwarded-for': '127.0.0.3' });
  const guesses: number[] = [];
  for (let i = 0; i < RATE_LIMITS.bearerIpFailures.limit + 1; i++) {
    guesses.push(
      (await guesser.fetch('/api/inbox', { headers: { authorization: `Bearer mrg_guess${randomUUID()}` } })).status,
    );
  }
  check(guesses.at(-1) === 429, `the guesser is refused after ${RATE_LIMITS.bearerIpFailures.limit} bad tokens`);
  const victim = await from('127.0.0.3').fetch('/api/inbox', { headers: { authorization: `Bearer ${token}` } });
  check(victim.status === 200, `the victim's valid token still works (${victim.status})`);

  reportFigure(
    'sign-in refusals under forged-header attack',
    `${refusedPast}/5 past the per-address limit refused with rotating X-Forwarded-For; ` +
      `owner signed in after 10 wrong passwords by others: ${ownerStatus === 200 ? 'yes' : 'no'} (${waited.toFixed(1)} s delay, no lock); ` +
      `valid token after ${guesses.length} bad tokens with its address: ${victim.status}`,
  );
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
  console.error(app.output().slice(-3000));
} finally {
  app.child.kill('SIGTERM');
  await new Promise((resolve) => (app.exited() ? resolve(null) : app.child.once('exit', resolve)));
  await dropDatabase(adminUrl, DATABASE);
  await stop();
}
process.exit(failed ? 1 : 0);
