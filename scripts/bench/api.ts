// npm run bench:api — annotation create over HTTP, 8 concurrent clients for 20 s, beside a
// floor route doing one raw INSERT with pg in the same server (targets: >= 0.8x its throughput,
// p99 <= 1.5x its p99); then the annotation list (one container page of 500 of an article's
// 5,000 annotations, as JSON-LD) beside a floor route doing one bare SELECT of the same rows
// (p50 and its ratio). Uses a throw-away database; never the dev one.
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
const LISTED = 5_000;

type Result = { label: string; rps: number; p50: number; p99: number; ok: number; errors: number };

async function load(
  label: string,
  url: string,
  headers: Record<string, string>,
  body: ((i: number) => string) | null,
): Promise<Result> {
  let i = 0;
  const run = async (seconds: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration: seconds,
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', ...headers },
      requests: body ? [{ setupRequest: (request) => ({ ...request, body: body(i++) }) }] : undefined,
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
const listDatabase = createPrismaClient(databaseUrl);

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
  // The list: the other sample article, given 5,000 annotations, read a page of 500 at a time.
  const listed = articles[0]!.id;
  const listedText = (
    await listDatabase.articleRevision.findFirstOrThrow({ where: { articleId: listed }, orderBy: { number: 'desc' } })
  ).text;
  const listedRevision = await listDatabase.articleRevision.findFirstOrThrow({
    where: { articleId: listed },
    orderBy: { number: 'desc' },
    select: { id: true },
  });
  const listedWords = [...listedText.matchAll(/\S+/g)];
  await listDatabase.annotation.createMany({
    data: Array.from({ length: LISTED }, (_, i) => {
      const word = listedWords[i % listedWords.length]!;
      const start = word.index!;
      const end = start + word[0].length;
      return {
        workspaceId: workspace.id,
        articleId: listed,
        revisionId: listedRevision.id,
        taggedRevisionId: listedRevision.id,
        authorId: user.id,
        tag: 'finding' as const,
        quoteExact: word[0],
        quotePrefix: listedText.slice(Math.max(0, start - 32), start),
        quoteSuffix: listedText.slice(end, end + 32),
        posStart: start,
        posEnd: end,
        taggedExact: word[0],
        taggedPrefix: listedText.slice(Math.max(0, start - 32), start),
        taggedSuffix: listedText.slice(end, end + 32),
        taggedStart: start,
        taggedEnd: end,
      };
    }),
  });
  const listFloor = await load(
    'floor: bare SELECT of 500 rows',
    `http://127.0.0.1:${PORT}/api/bench/raw-select?articleId=${listed}&limit=500`,
    {},
    null,
  );
  const list = await load(
    'GET container page of 500 (JSON-LD)',
    `http://127.0.0.1:${PORT}/api/articles/${listed}/annotations/?page=first&limit=500`,
    { authorization: `Bearer ${token}` },
    null,
  );

  console.log(`bench:api  ${CONNECTIONS} concurrent clients, ${DURATION} s each, after a 3 s warm-up`);
  for (const r of [baseline, app, listFloor, list]) {
    console.log(
      `  ${r.label.padEnd(38)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   2xx ${r.ok}   errors ${r.errors}`,
    );
  }
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  console.log(
    `  create: ${ratio(app.rps, baseline.rps)}x the floor's throughput (target >= 0.8x); p99 ${ratio(app.p99, baseline.p99)}x the floor's (target <= 1.5x)`,
  );
  console.log(
    `  list of ${LISTED}: a page of 500 at p50 ${list.p50} ms, ${ratio(list.p50, listFloor.p50)}x the bare SELECT's p50; ${ratio(list.rps, listFloor.rps)}x its throughput`,
  );
} finally {
  await listDatabase.$disconnect();
  await server.stop();
  await dropDatabase(adminUrl, DATABASE);
  await stop();
}
process.exit(0);
