// npm run bench:api — annotation create over HTTP, 8 concurrent clients for 20 s, beside a
// baseline route doing one raw INSERT with pg in the same server. Targets: >= 0.8x the
// baseline's throughput, p99 <= 25 ms. Uses a throw-away database; never the dev one.
import autocannon from 'autocannon';
import { seedDemo } from '../../prisma/seed/seed-demo';
import { generateApiToken } from '../../server/auth/api-tokens';
import { createPrismaClient } from '../../server/db/prisma-client';
import { createMigratedDatabase, dropDatabase, resolveTestAdminUrl } from '../db/test-database';
import { startServer } from './bench-server';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 8;
const DATABASE = 'marginalia_bench_api';

type Result = { label: string; rps: number; p50: number; p99: number; ok: number; errors: number };

async function load(
  label: string,
  url: string,
  headers: Record<string, string>,
  body: (i: number) => string,
): Promise<Result> {
  let i = 0;
  const run = async (seconds: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      requests: [{ setupRequest: (request) => ({ ...request, body: body(i++) }) }],
    });
  await run(3); // warm-up: JIT, connection pools
  const result = await run(DURATION);
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

const { adminUrl, stop } = await resolveTestAdminUrl();
const databaseUrl = await createMigratedDatabase(adminUrl, DATABASE);
const database = createPrismaClient(databaseUrl);
const { user, workspace, articles } = await seedDemo(database);
const article = await database.article.findUniqueOrThrow({
  where: { id: articles[1]!.id },
  select: { id: true, revisions: { select: { id: true, text: true }, orderBy: { number: 'desc' }, take: 1 } },
});
const revision = article.revisions[0]!;
const { token, tokenHash, prefix } = generateApiToken();
await database.apiToken.create({ data: { userId: user.id, name: 'bench', tokenHash, prefix } });
await database.$disconnect();

const server = await startServer({ port: PORT, databaseUrl, env: { MARGINALIA_BENCH_ROUTES: '1' } });

try {
  const words = [...revision.text.matchAll(/\S+/g)].map(
    (match) => [match.index!, match.index! + match[0].length] as const,
  );
  const span = (i: number) => words[i % words.length]!;
  const baseline = await load('baseline: raw INSERT', `http://127.0.0.1:${PORT}/api/bench/raw-insert`, {}, (i) =>
    JSON.stringify({
      articleId: article.id,
      workspaceId: workspace.id,
      revisionId: revision.id,
      authorId: user.id,
      start: span(i)[0],
      end: span(i)[1],
    }),
  );
  const app = await load(
    'POST /api/articles/{id}/annotations',
    `http://127.0.0.1:${PORT}/api/articles/${article.id}/annotations`,
    { authorization: `Bearer ${token}` },
    (i) => {
      const [start, end] = span(i);
      return JSON.stringify({
        type: 'Annotation',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'quote' }],
        target: {
          selector: [
            { type: 'TextQuoteSelector', exact: revision.text.slice(start, end) },
            { type: 'TextPositionSelector', start, end },
          ],
        },
      });
    },
  );
  console.log(`bench:api  ${CONNECTIONS} concurrent clients, ${DURATION} s each, after a 3 s warm-up`);
  for (const r of [baseline, app]) {
    console.log(
      `  ${r.label.padEnd(36)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   2xx ${r.ok}   errors ${r.errors}`,
    );
  }
  console.log(
    `  ratio: ${(app.rps / baseline.rps).toFixed(2)}x the baseline's throughput (target >= 0.8x); p99 ${app.p99} ms (target <= 25 ms)`,
  );
} finally {
  await server.stop();
  await dropDatabase(adminUrl, DATABASE);
  await stop();
}
process.exit(0);
