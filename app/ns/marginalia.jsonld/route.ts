// Our JSON-LD context (lib/domain/web-annotation/vocabulary.ts): public, and readable from any
// origin, since JSON-LD processors elsewhere fetch it to expand our annotations.
import { NextResponse } from 'next/server';
import { MARGINALIA_CONTEXT_DOCUMENT } from '@/lib/domain/web-annotation/vocabulary';
import { jsonRoute } from '@/server/http/json-route';

export const GET = jsonRoute(async () =>
  NextResponse.json(MARGINALIA_CONTEXT_DOCUMENT, {
    headers: {
      'content-type': 'application/ld+json',
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=3600',
    },
  }),
);
