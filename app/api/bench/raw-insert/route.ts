import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import pg from 'pg';

// Baseline for `npm run bench:api` only: the least a create can cost (one INSERT, no auth,
// no validation). It answers 404 unless the server was started by the benchmark.
const enabled = () => process.env.MARGINALIA_BENCH_ROUTES === '1';

const globalPool = globalThis as unknown as { marginaliaBenchPool?: pg.Pool };

export async function POST(request: Request) {
  if (!enabled()) return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found.' } }, { status: 404 });
  globalPool.marginaliaBenchPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const { articleId, workspaceId, revisionId, authorId, start, end } = (await request.json()) as Record<
    string,
    string | number
  >;
  const id = randomUUID();
  await globalPool.marginaliaBenchPool.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "revisionId", "authorId", tag, "quoteExact", "quotePrefix", "quoteSuffix", "posStart", "posEnd", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, 'quote', 'x', '', '', $6, $7, now())`,
    [id, workspaceId, articleId, revisionId, authorId, start, end],
  );
  return NextResponse.json({ id }, { status: 201 });
}
