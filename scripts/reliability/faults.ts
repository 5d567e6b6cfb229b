// npm run reliability:faults — a write load against a production build while (1) Postgres is
// stopped and started again and (2) the app is killed and restarted. While the database is down
// the app must answer 503, it must recover by itself, and every write it acknowledged with a
// 2xx must be in the database afterwards. Uses its own embedded Postgres, which it may stop.
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../db/embedded-postgres';
import { projectRoot } from '../db/schema-engine';
import { createMigratedDatabase, dropDatabase } from '../db/test-database';
import { startServer } from '../bench/bench-server';
import { annotationBody, call, check, createPrismaClient, seedTeam, tally, wordSpans } from './harness';

const PORT = Number(process.env.RELIABILITY_PORT ?? 3301);
const PG_PORT = Number(process.env.RELIABILITY_PG_PORT ?? 54349);
const WORKERS = 8;
const pgOptions = { dataDir: path.join(projectRoot, '.data', 'fault-postgres'), port: PG_PORT, database: 'postgres' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let postgres: RunningPostgres = await startEmbeddedPostgres(pgOptions);
const DATABASE = `marginalia_test_faults_${Date.now()}`;
const databaseUrl = await createMigratedDatabase(postgres.adminUrl, DATABASE);
const database = createPrismaClient(databaseUrl);
const { team, articleIds } = await seedTeam(database, WORKERS);
const articleId = articleIds[0]!;
const text = (await database.articleRevision.findFirstOrThrow({ where: { articleId }, orderBy: { number: 'desc' } }))
  .text;
const spans = wordSpans(text);
await database.$disconnect();

type Answer = { at: number; status: number; key: string; id: string | null };
let server = await startServer({ port: PORT, databaseUrl, quiet: true });
const failures: string[] = [];

/** Workers create annotations until told to stop; each answer is kept with its time. */
function writeLoad(label: string) {
  const answers: Answer[] = [];
  let running = true;
  const started = performance.now();
  const workers = team.map(async (member, w) => {
    for (let i = 0; running; i++) {
      const key = `${label}-${w}-${i}`;
      const [start, end] = spans[(w * 997 + i) % spans.length]!;
      const answer = await call(
        server.origin,
        member.token,
        'POST',
        `/api/articles/${articleId}/annotations`,
        annotationBody(text, start, end),
        { 'idempotency-key': key },
      );
      const id = (answer.json as { id?: string } | null)?.id?.split('/').at(-1) ?? null;
      answers.push({ at: performance.now() - started, status: answer.status, key, id });
      if (answer.status === 0 || answer.status >= 500) await sleep(100);
    }
  });
  return {
    answers,
    elapsed: () => performance.now() - started,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

async function verifyAcknowledged(answers: Answer[]) {
  const acknowledged = answers.filter((answer) => answer.status >= 200 && answer.status < 300 && answer.id);
  const check = createPrismaClient(databaseUrl);
  const found = await check.annotation.count({ where: { id: { in: acknowledged.map((answer) => answer.id!) } } });
  await check.$disconnect();
  return { acknowledged: acknowledged.length, found };
}

try {
  console.log('Fault 1: Postgres stops for 5 s in the middle of a write load');
  const load = writeLoad('pg');
  await sleep(3_000);
  const stoppedAt = load.elapsed();
  await postgres.stop();
  await sleep(5_000);
  postgres = await startEmbeddedPostgres(pgOptions);
  const restartedAt = load.elapsed();
  await sleep(6_000);
  await load.stop();
  const during = load.answers.filter((answer) => answer.at > stoppedAt + 500 && answer.at < restartedAt);
  const recovered = load.answers.find((answer) => answer.at > restartedAt && answer.status === 201);
  console.log(`  answers before: ${tally(load.answers.filter((a) => a.at < stoppedAt).map((a) => a.status))}`);
  console.log(`  answers while down: ${tally(during.map((a) => a.status))}`);
  console.log(`  answers after restart: ${tally(load.answers.filter((a) => a.at > restartedAt).map((a) => a.status))}`);
  check(
    failures,
    during.length > 0 && during.every((answer) => answer.status === 503),
    'the app answered 503 while the database was down',
  );
  check(
    failures,
    !!recovered,
    `the app recovered by itself${recovered ? ` ${((recovered.at - restartedAt) / 1000).toFixed(1)} s after Postgres came back` : ''}`,
  );
  const first = await verifyAcknowledged(load.answers);
  check(
    failures,
    first.found === first.acknowledged,
    `${first.found} of ${first.acknowledged} acknowledged writes are stored`,
  );

  console.log('Fault 2: the app is killed (SIGKILL) mid-load and started again');
  const second = writeLoad('kill');
  await sleep(3_000);
  await server.kill();
  const killedAt = second.elapsed();
  server = await startServer({ port: PORT, databaseUrl, quiet: true });
  const restartedApp = second.elapsed();
  await sleep(4_000);
  await second.stop();
  console.log(
    `  answers: ${tally(second.answers.map((a) => a.status))}; app down for ${((restartedApp - killedAt) / 1000).toFixed(1)} s`,
  );
  const afterKill = await verifyAcknowledged(second.answers);
  check(
    failures,
    afterKill.found === afterKill.acknowledged,
    `${afterKill.found} of ${afterKill.acknowledged} acknowledged writes are stored`,
  );
  check(
    failures,
    second.answers.some((a) => a.at > restartedApp && a.status === 201),
    'writes succeed again after the restart',
  );
} finally {
  await server.stop();
  await dropDatabase(postgres.adminUrl, DATABASE).catch(() => undefined);
  await postgres.stop();
}
console.log(failures.length ? `\n${failures.length} check(s) failed.` : '\nAll fault checks passed.');
process.exit(failures.length ? 1 : 0);
