import { NextResponse } from 'next/server';
import pg from 'pg';

// Baseline for `npm run bench:api` only: the least a list can cost (one SELECT of the same rows
// in the container's order, no auth, no JSON-LD). It answers 404 unless the benchmark started the server.
const enabled = () => process.env.MARGINALIA_BENCH_ROUTES === '1';

const globalPool = globalThis as unknown as { marginaliaBenchSelectPool?: pg.Pool };

export async function GET(request: Request) {
  if (!enabled()) return NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found.' } }, { status: 404 });
  globalPool.marginaliaBenchSelectPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const params = new URL(request.url).searchParams;
  const { rows } = await globalPool.marginaliaBenchSelectPool.query(
    `SELECT * FROM "Annotation" WHERE "articleId" = $1 ORDER BY "posStart", "posEnd", id LIMIT $2`,
    [params.get('articleId'), Math.min(500, Number(params.get('limit') ?? 100))],
  );
  return NextResponse.json({ items: rows });
}
