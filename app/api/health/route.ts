import { NextResponse } from 'next/server';

// Liveness for load balancers and `docker compose`: the process answers. Public, and says
// nothing else (GET /api/ready checks the database).
export const dynamic = 'force-dynamic';

export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
