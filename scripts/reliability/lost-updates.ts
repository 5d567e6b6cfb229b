// npm run reliability:lost-updates — concurrent writes over HTTP against a production build:
// 50 saves on one article revision, 50 edits of one comment (exactly one of each wins, the
// rest get 409), and 20 reviewers x 100 annotations with idempotency keys and retried
// requests (all 2,000 stored exactly once).
import { createMigratedDatabase, dropDatabase, resolveTestAdminUrl } from '../db/test-database';
import { startServer } from '../bench/bench-server';
import { annotationBody, call, check, createPrismaClient, seedTeam, tally, wordSpans } from './harness';

const PORT = Number(process.env.RELIABILITY_PORT ?? 3300);
const DATABASE = 'marginalia_test_reliability_updates';
const REVIEWERS = 20;
const PER_REVIEWER = 100;

const { adminUrl, stop } = await resolveTestAdminUrl();
const databaseUrl = await createMigratedDatabase(adminUrl, DATABASE);
const database = createPrismaClient(databaseUrl);
const { owner, team, articleIds } = await seedTeam(database, REVIEWERS);
const server = await startServer({ port: PORT, databaseUrl });
const origin = server.origin;
const failures: string[] = [];

try {
  const articleId = articleIds[1]!;
  const article = (await call(origin, owner.token, 'GET', `/api/articles/${articleId}`)).json as {
    revisionId: string;
    revisionNumber: number;
    text: string;
  };

  console.log('Lost updates: 50 concurrent saves of the same revision');
  const saves = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      call(origin, owner.token, 'PUT', `/api/articles/${articleId}`, {
        baseRevisionId: article.revisionId,
        text: `${article.text}\n\nConcurrent addition number ${i}.`,
      }),
    ),
  );
  console.log(`  answers: ${tally(saves.map((save) => save.status))}`);
  const winners = saves.flatMap((save, i) => (save.status === 201 ? [i] : []));
  check(failures, winners.length === 1, `exactly one save succeeded (${winners.length})`);
  check(failures, saves.filter((save) => save.status === 409).length === 49, '49 saves refused with 409');
  const revisions = await database.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: 'asc' },
    select: { number: true, text: true },
  });
  check(
    failures,
    revisions.length === article.revisionNumber + 1 &&
      revisions.at(-1)!.text.endsWith(`Concurrent addition number ${winners[0]}.`),
    `one new revision holding the winner's text (${revisions.length} revisions)`,
  );

  console.log('Lost updates: 50 concurrent edits of one comment');
  const annotation = (
    await call(
      origin,
      owner.token,
      'POST',
      `/api/articles/${articleId}/annotations`,
      annotationBody(revisions.at(-1)!.text, 0, 10),
    )
  ).json as { id: string };
  const annotationId = annotation.id.split('/').at(-1)!;
  const comment = (
    await call(origin, owner.token, 'POST', `/api/annotations/${annotationId}/comments`, {
      body: 'Original comment',
    })
  ).json as { id: string; version: number };
  const edits = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      call(origin, owner.token, 'PATCH', `/api/comments/${comment.id}`, {
        body: `Edit number ${i}`,
        version: comment.version,
      }),
    ),
  );
  console.log(`  answers: ${tally(edits.map((edit) => edit.status))}`);
  const editWinners = edits.flatMap((edit, i) => (edit.status === 200 ? [i] : []));
  check(failures, editWinners.length === 1, `exactly one edit succeeded (${editWinners.length})`);
  check(failures, edits.filter((edit) => edit.status === 409).length === 49, '49 edits refused with 409');
  const stored = await database.comment.findUniqueOrThrow({ where: { id: comment.id } });
  check(
    failures,
    stored.body === `Edit number ${editWinners[0]}` && stored.version === comment.version + 1,
    `the comment holds the winning edit at version ${stored.version}`,
  );

  console.log(`Idempotent creates: ${REVIEWERS} reviewers x ${PER_REVIEWER} annotations, 10% of requests retried`);
  const text = revisions.at(-1)!.text;
  const spans = wordSpans(text);
  const before = await database.annotation.count({ where: { articleId } });
  const started = performance.now();
  const statuses: number[] = [];
  let retried = 0;
  await Promise.all(
    team.map(async (reviewer, r) => {
      for (let i = 0; i < PER_REVIEWER; i++) {
        const [start, end] = spans[(r * PER_REVIEWER + i) % spans.length]!;
        const key = `reviewer-${r}-annotation-${i}`;
        const send = () =>
          call(
            origin,
            reviewer.token,
            'POST',
            `/api/articles/${articleId}/annotations`,
            annotationBody(text, start, end),
            {
              'idempotency-key': key,
            },
          );
        // A client that lost the answer sends the same request again, sometimes at once.
        const attempts = i % 10 === 0 ? (retried++, await Promise.all([send(), send()])) : [await send()];
        statuses.push(...attempts.map((attempt) => attempt.status));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  answers: ${tally(statuses)} in ${seconds.toFixed(1)} s (${(statuses.length / seconds).toFixed(0)} req/s)`,
  );
  const created = (await database.annotation.count({ where: { articleId } })) - before;
  check(
    failures,
    created === REVIEWERS * PER_REVIEWER,
    `${created} annotations stored (expected ${REVIEWERS * PER_REVIEWER})`,
  );
  check(
    failures,
    statuses.every((status) => status === 201 || status === 200),
    'every request, first or retried, succeeded',
  );
  const duplicates = await database.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT "authorId", "idempotencyKey" FROM "Annotation"
      WHERE "idempotencyKey" IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1
    ) d`;
  check(failures, Number(duplicates[0]!.n) === 0, `no key stored twice (${retried} requests were sent twice)`);
} finally {
  await server.stop();
  await database.$disconnect();
  await dropDatabase(adminUrl, DATABASE);
  await stop();
}
console.log(failures.length ? `\n${failures.length} check(s) failed.` : '\nAll lost-update checks passed.');
process.exit(failures.length ? 1 : 0);
