// The document every container names as `ldp#constrainedBy`: the rules an annotation must
// meet here, each with an anchor that a 422 names. Public: it describes no one's data.
import { NextResponse } from 'next/server';
import { renderConstraintsPage } from '@/lib/domain/web-annotation/constraints-page';
import { jsonRoute } from '@/server/http/json-route';

export const GET = jsonRoute(
  async () =>
    new NextResponse(renderConstraintsPage(), {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600' },
    }),
);
