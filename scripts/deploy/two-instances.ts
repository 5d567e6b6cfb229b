// npm run test:instances — two app instances on one database, as behind a load balancer: one
// public origin, one NEXTAUTH_SECRET, each instance its own process and port. Shows that
//  - both start at once and migrate the empty database once (advisory lock);
//  - a session made through A is valid on B;
//  - a change made through A reaches an event stream connected to B, live;
//  - a sign-in limit reached through A holds on B.
// Needs a production build (`next build`).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/schema-engine';
import { queryOnce, resolveTestAdminUrl } from '../db/test-database';
import {
  check,
  firstWorkspace,
  freePort,
  launch,
  openEventStream,
  sleep,
  waitForStatus,
  WebClient,
  type Launched,
} from './harness';

const PUBLIC_ORIGIN = 'http://marginalia.test';

if (!existsSync(path.join(projectRoot, '.next', 'standalone', 'server.js'))) {
  console.error('No production build: run `next build` first.');
  process.exit(1);
}

const { adminUrl, stop } = await resolveTestAdminUrl();
const database = `marginalia_test_instances_${randomUUID().slice(0, 8)}`;
await queryOnce(adminUrl, `CREATE DATABASE "${database}"`);
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const secret = randomBytes(32).toString('base64url');
const instances: { app: Launched; base: string }[] = [];
let failed = false;

try {
  // Both run the start script's production path at once: migrations under the lock, then the server.
  for (const name of ['A', 'B']) {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: PUBLIC_ORIGIN,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const app = launch(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        '--conditions=react-server',
        'scripts/start.ts',
        'start',
      ],
      { cwd: projectRoot, env },
    );
    instances.push({ app, base: `http://127.0.0.1:${port}` });
    console.log(`instance ${name} on ${port}`);
  }
  for (const { app, base } of instances) await waitForStatus(`${base}/api/ready`, 200, 180_000, app.exited);
  const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
  const applied = instances.map(({ app }) => /Applied migrations/.test(app.output()));
  check(
    applied.filter(Boolean).length === 1,
    `both ready; exactly one of them applied the migrations (${applied.join(', ')})`,
  );

  // One person, one browser: signed in through A, then sent to B by the load balancer.
  const email = `instances-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'two instances password';
  const viaA = new WebClient(a.base, PUBLIC_ORIGIN);
  const signup = await viaA.json('/api/signup', 'POST', { name: 'Two', email, password });
  check(signup.status === 202, `signed up through A (${signup.status})`);
  check((await viaA.signIn(email, password)) === 200, 'signed in through A');
  const workspace = await firstWorkspace(viaA);
  const viaB = new WebClient(b.base, PUBLIC_ORIGIN);
  viaA.shareCookiesWith(viaB);
  check((await viaB.sessionEmail()) === email, 'the session made through A is valid on B');

  const article = await viaA.json(`/api/workspaces/${workspace.slug}/articles`, 'POST', {
    text: 'Two instances\n\nA change through one instance reaches readers of the other.',
  });
  const { id: articleId } = (await article.json()) as { id: string };
  const stream = await openEventStream(viaB, `/api/articles/${articleId}/events`);
  await sleep(500);
  const note = `live across instances ${randomUUID()}`;
  const created = await viaA.json(`/api/articles/${articleId}/annotations`, 'POST', {
    body: [
      { purpose: 'tagging', value: 'finding' },
      { purpose: 'commenting', value: note },
    ],
    target: { selector: { type: 'TextPositionSelector', start: 0, end: 3 } },
  });
  check(created.status === 201, `annotated through A (${created.status})`);
  const sentAt = Date.now();
  while (!stream.text().includes(note) && Date.now() - sentAt < 10_000) await sleep(50);
  check(stream.text().includes(note), `the change reached the stream on B in ${Date.now() - sentAt} ms`);
  await stream.cancel();

  // Sign-in failures from one address through A use up its limit on B too (counted in Postgres).
  const attacker = new WebClient(a.base, PUBLIC_ORIGIN);
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++)
    statuses.push(await attacker.signIn(`nobody-${i}-${randomUUID()}@example.test`, 'wrong'));
  check(
    statuses.slice(0, 10).every((status) => status === 401) && statuses[10] === 429,
    `A refuses the 11th failure (${statuses.join(' ')})`,
  );
  const onB = await new WebClient(b.base, PUBLIC_ORIGIN).signIn(`nobody-b-${randomUUID()}@example.test`, 'wrong');
  check(onB === 429, `B refuses the same address at once (${onB})`);
  console.log('\nTwo-instance checks passed.');
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
  for (const { app } of instances) console.error(app.output().slice(-3000));
} finally {
  for (const { app } of instances) app.child.kill('SIGTERM');
  await Promise.all(
    instances.map(
      ({ app }) => new Promise((resolve) => (app.exited() ? resolve(null) : app.child.once('exit', resolve))),
    ),
  );
  await queryOnce(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await stop();
}
process.exit(failed ? 1 : 0);
