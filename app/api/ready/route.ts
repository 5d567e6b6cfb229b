import { NextResponse } from 'next/server';
import { checkReadiness } from '@/server/data/health/check-readiness';

// Readiness: 200 once the database answers, its migrations are applied and the LISTEN connection
// for live updates is up; 503 (with which check failed, nothing more) otherwise. Public.
export const dynamic = 'force-dynamic';

export async function GET() {
  const { ready, checks } = await checkReadiness();
  return NextResponse.json(
    { status: ready ? 'ready' : 'unavailable', checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
