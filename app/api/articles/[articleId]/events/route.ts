import { requireRequestUser } from '@/server/auth/request-user';
import { jsonRoute } from '@/server/http/json-route';
import { eventStreamResponse, openArticleStream } from '@/server/live/open-article-stream';

type Context = { params: Promise<{ articleId: string }> };

export const dynamic = 'force-dynamic';

/**
 * Server-sent events for one article (server/live/open-article-stream.ts). `Last-Event-ID`
 * or `?after=` resumes from a cursor; `?once=1` sends what was missed and closes.
 */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const query = new URL(request.url).searchParams;
  const stream = await openArticleStream({
    user,
    articleId: (await params).articleId,
    resumeFrom: request.headers.get('last-event-id') ?? query.get('after'),
    once: query.get('once') === '1',
    signal: request.signal,
  });
  return eventStreamResponse(stream);
});
