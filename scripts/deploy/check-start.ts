// npm run test:deploy — the image's start command, checked outside Docker (Docker cannot run on
// every machine that runs the tests). In a temporary copy of the checkout (a mode-700 folder, like
// /root or `mktemp -d`), with only `npm ci --omit=dev` installed and the build copied in the way
// the Dockerfile does it:
//  A. NODE_ENV=production `npm start` on an external Postgres with a non-localhost NEXTAUTH_URL:
//     migrates an empty database, is ready, serves pages, accepts a write from that origin;
//     SIGTERM to npm ends a request in flight normally, closes an open event stream, and leaves
//     nothing running within 10 s.
//  B. The two-command local start (`npm start`, embedded Postgres, demo seeded) from that folder
//     (made traversable, see below); SIGTERM to the start script itself stops the server and the embedded Postgres.
//  C. A production start without a required setting stops at once, naming it.
// Needs a production build (`next build`, made here when missing).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recordBuild } from '../build-stamp';
import { resolveClusterDir } from '../db/embedded-postgres';
import { projectRoot } from '../db/schema-engine';
import { queryOnce, resolveTestAdminUrl } from '../db/test-database';
import {
  alive,
  check,
  commandLine,
  descendants,
  firstWorkspace,
  freePort,
  launch,
  openEventStream,
  sleep,
  waitForStatus,
  waitUntilGone,
  WebClient,
  type Launched,
} from './harness';

const STOP_BUDGET_MS = 10_000;
const PUBLIC_ORIGIN = 'https://marginalia.example.test';
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;

function ensureBuild() {
  if (existsSync(path.join(projectRoot, '.next', 'standalone', 'server.js'))) return;
  console.log('No production build: running next build…');
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
}

/** The checkout's files (tracked and new, not ignored), then the build as the image's COPY lines put it. */
function copyCheckout(target: string) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(path.join(projectRoot, file)));
  for (const file of files) cpSync(path.join(projectRoot, file), path.join(target, file), { recursive: true });
  // Without the link to the assets that scripts/server.ts may have made in the checkout's build.
  const linkedStatic = path.join(projectRoot, '.next', 'standalone', '.next', 'static');
  cpSync(path.join(projectRoot, '.next', 'standalone'), path.join(target, '.next', 'standalone'), {
    recursive: true,
    filter: (source) => source !== linkedStatic,
  });
  cpSync(path.join(projectRoot, '.next', 'static'), path.join(target, '.next', 'standalone', '.next', 'static'), {
    recursive: true,
  });
}

/** Sends SIGTERM to `pid` and checks that it and everything it started end within the budget. */
async function stopAndCheck(app: Launched, target: number, label: string) {
  const tree = [app.child.pid!, ...descendants(app.child.pid!)];
  check(tree.includes(target), `${label}: the process signalled is part of the app (${commandLine(target)})`);
  process.kill(target, 'SIGTERM');
  const took = await waitUntilGone(tree, STOP_BUDGET_MS);
  const left = tree.filter(alive).map((pid) => `${pid} ${commandLine(pid)}`);
  check(
    took !== null,
    `${label}: all ${tree.length} processes stopped within ${STOP_BUDGET_MS / 1000} s (${took} ms)${left.length ? `; left: ${left.join(', ')}` : ''}`,
  );
}

async function phaseProduction(dir: string, adminUrl: string) {
  console.log(`\nA. production start on an external Postgres (${elapsed()})`);
  const database = `marginalia_test_deploy_${randomUUID().slice(0, 8)}`;
  await queryOnce(adminUrl, `CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = launch('npm', ['start'], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      NEXTAUTH_SECRET: randomUUID() + randomUUID(),
      NEXTAUTH_URL: PUBLIC_ORIGIN,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  try {
    await waitForStatus(`${base}/api/ready`, 200, 180_000, app.exited);
    check(true, `ready on ${base} after migrating an empty database (${elapsed()})`);
    const signin = await fetch(`${base}/signin`);
    check(signin.status === 200 && (await signin.text()).includes('Sign in'), 'GET /signin serves the page');
    check(!app.output().includes('Demo login'), 'production seeds no demo account');

    const browser = new WebClient(base, PUBLIC_ORIGIN);
    const email = `deploy-${randomUUID().slice(0, 8)}@example.test`;
    const password = 'deploy check password';
    const signup = await browser.json('/api/signup', 'POST', { name: 'Deploy', email, password });
    check(signup.status === 202, `a write from ${PUBLIC_ORIGIN} works (sign-up ${signup.status})`);
    const foreign = await new WebClient(base, 'https://evil.example').json('/api/signup', 'POST', {
      name: 'X',
      email: `x-${email}`,
      password,
    });
    check(foreign.status === 403, `a write from another origin is refused (${foreign.status})`);
    check((await browser.signIn(email, password)) === 200 && (await browser.sessionEmail()) === email, 'signs in');
    const workspace = await firstWorkspace(browser);
    const article = await browser.json(`/api/workspaces/${workspace.slug}/articles`, 'POST', {
      text: 'Deploy check\n\nA paragraph to annotate.',
    });
    const { id: articleId } = (await article.json()) as { id: string };
    const stream = await openEventStream(browser, `/api/articles/${articleId}/events`);

    // A request in flight when the signal arrives: its body is still being sent.
    let sendRest: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const json = JSON.stringify({ name: 'Late', email: `late-${email}`, password });
        controller.enqueue(new TextEncoder().encode(json.slice(0, 10)));
        sendRest = () => {
          controller.enqueue(new TextEncoder().encode(json.slice(10)));
          controller.close();
        };
      },
    });
    const inFlight = fetch(`${base}/api/signup`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', origin: PUBLIC_ORIGIN },
      duplex: 'half',
    } as RequestInit);
    await sleep(500);
    const stopping = stopAndCheck(app, app.child.pid!, 'SIGTERM to npm');
    await sleep(300);
    sendRest!();
    const late = await inFlight.then(
      (response) => response.status,
      (error: Error) => error.message,
    );
    check(late === 202, `the request in flight at SIGTERM was answered normally (${late})`);
    await Promise.race([stream.done, sleep(STOP_BUDGET_MS)]);
    check(stream.ended(), 'the open event stream was closed');
    await stopping;
    check(/"msg":"stopped"/.test(app.output()), 'the server logged its clean stop');
  } finally {
    if (!app.exited()) app.child.kill('SIGKILL');
    await queryOnce(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

async function phaseLocal(dir: string) {
  console.log(`\nB. the two-command local start, embedded Postgres (${elapsed()})`);
  await recordBuild(dir); // the copied build is of these very sources
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
  };
  for (const key of ['NODE_ENV', 'DATABASE_URL', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET']) delete env[key];
  const app = launch('npm', ['start'], { cwd: dir, env });
  const clusterDir = await resolveClusterDir(path.join(dir, '.data', 'postgres'));
  try {
    await waitForStatus(`${base}/api/ready`, 200, 240_000, app.exited);
    check(app.output().includes('Demo login'), `ready with the demo seeded (${elapsed()})`);
    const demo = new WebClient(base);
    check((await demo.signIn('demo@marginalia.local', 'marginalia-demo')) === 200, 'the demo login works');
    const script = descendants(app.child.pid!).find(
      (pid) => /node .*scripts\/start\.ts start$/.test(commandLine(pid)) && !commandLine(pid).includes('tsx/dist/cli'),
    );
    check(script !== undefined, 'found the start script process');
    await stopAndCheck(app, script, 'SIGTERM to the start script');
  } catch (error) {
    console.error(app.output().slice(-4000));
    throw error;
  } finally {
    if (!app.exited()) app.child.kill('SIGKILL');
    if (clusterDir.startsWith('/var/lib/marginalia/')) rmSync(clusterDir, { recursive: true, force: true });
  }
}

async function phaseMissingSettings(dir: string) {
  console.log(`\nC. a production start without its settings (${elapsed()})`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXTAUTH_SECRET: '', NEXTAUTH_URL: '' };
  env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none';
  const result = spawnSync('npm', ['start'], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  const output = `${result.stdout}${result.stderr}`;
  check(result.status === 1, `stops with exit code 1 (${result.status})`);
  for (const name of ['NEXTAUTH_SECRET', 'NEXTAUTH_URL']) {
    check(output.includes(`${name} is required in production`), `names ${name}`);
  }
}

ensureBuild();
const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-deploy-'));
const { adminUrl, stop } = await resolveTestAdminUrl();
let failed = false;
try {
  console.log(`Copying the checkout to ${dir} (mode 700) and installing production dependencies only…`);
  copyCheckout(dir);
  const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    encoding: 'utf8',
  });
  check(
    install.status === 0,
    `npm ci --omit=dev installs (${elapsed()})${install.status ? `\n${install.stderr}` : ''}`,
  );
  check(
    !['vitest', 'eslint', 'prettier', 'autocannon'].some((name) => existsSync(path.join(dir, 'node_modules', name))),
    'no development packages were installed',
  );
  await phaseMissingSettings(dir);
  await phaseProduction(dir, adminUrl);
  // Not done yet: as root, user `postgres` must also execute the embedded binaries, which live in
  // the checkout's node_modules; from a private folder initdb fails with EACCES (the cluster's own
  // folder is already moved out, scripts/db/embedded-postgres.ts). So B runs from a traversable one.
  chmodSync(dir, 0o755);
  await phaseLocal(dir);
  console.log(`\nDeployment checks passed in ${elapsed()}.`);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await stop();
}
process.exit(failed ? 1 : 0);
