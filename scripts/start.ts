// `npm start` (production build) and `npm run dev`: prepare the database, seed the
// demo workspace, then run Next.js. Usage: tsx scripts/start.ts [start|dev]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEMO_USER, seedDemo } from '../prisma/seed/seed-demo';
import { createPrismaClient } from '../server/db/prisma-client';
import { prepareAppEnv, redactUrl } from './app-env';
import { buildIsCurrent, recordBuild } from './build-stamp';
import { projectRoot } from './db/schema-engine';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: 'inherit', env: process.env, cwd: projectRoot });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => resolve(code ?? 0));
  });
}

const startedAt = Date.now();
const { databaseUrl, embedded } = await prepareAppEnv(port);
console.log(`Database: ${redactUrl(databaseUrl)}${embedded ? ' (embedded, data in .data/postgres)' : ''}`);

if (process.env.MARGINALIA_SEED !== 'false') {
  const database = createPrismaClient(databaseUrl);
  const { articles } = await seedDemo(database);
  await database.$disconnect();
  const added = articles.filter((article) => article.created).length;
  if (added) console.log(`Seeded the demo workspace with ${added} article(s).`);
}

const preparedAt = Date.now();
if (
  mode === 'start' &&
  !(existsSync(path.join(projectRoot, '.next', 'BUILD_ID')) && (await buildIsCurrent(projectRoot)))
) {
  console.log('Building the app for production (the sources changed or were never built; about a minute)…');
  const code = await run(['build']);
  if (code !== 0) process.exit(code);
  await recordBuild(projectRoot);
}

console.log(`\nMarginalia is starting on http://localhost:${port}`);
console.log(`Demo login: ${DEMO_USER.email} / ${DEMO_USER.password}`);
console.log(`Database ready and seeded in ${((preparedAt - startedAt) / 1000).toFixed(1)} s.\n`);

const code = await run([mode, '--port', String(port)]);
await embedded?.stop();
process.exit(code);
