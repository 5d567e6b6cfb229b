import { requireRequestUser } from '@/server/auth/request-user';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { jsonRoute } from '@/server/http/json-route';
import { articleEventsAfter, latestEventId, REORDER_WINDOW } from '@/server/live/article-events';
import { publish, subscribe } from '@/server/live/event-bus';

type Context = { params: Promise<{ articleId: string }> };

const HEARTBEAT_MS = 15_000;
const PRESENCE_TTL_MS = 40_000;

export const dynamic = 'force-dynamic';

/**
 * Server-sent events for one article: every change (`event: change`, with the audit id as
 * the event id, so a reconnecting browser sends Last-Event-ID and gets what it missed, once)
 * and who else is viewing (`event: presence`).
 */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const article = await getMemberArticle({ userId: user.id, articleId: (await params).articleId });
  const resumeFrom = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after');
  let lastSent = resumeFrom && /^\d+$/.test(resumeFrom) ? BigInt(resumeFrom) : await latestEventId();
  const once = new URL(request.url).searchParams.get('once') === '1';
  const sent = new Set<string>();
  const viewers = new Map<string, { name: string; seen: number }>();
  const connection = crypto.randomUUID();
  const encoder = new TextEncoder();

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      let sending = Promise.resolve();
      const sendMissed = () => {
        // Serialised, so two notices never race to send the same event.
        sending = sending.then(async () => {
          const events = await articleEventsAfter(
            article.id,
            lastSent > REORDER_WINDOW ? lastSent - REORDER_WINDOW : 0n,
          );
          for (const event of events) {
            if (sent.has(event.id)) continue;
            sent.add(event.id);
            if (BigInt(event.id) > lastSent) lastSent = BigInt(event.id);
            write(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
          }
          if (sent.size > 5_000) for (const id of [...sent].slice(0, 2_500)) sent.delete(id);
        });
      };
      const sendPresence = () => {
        const now = Date.now();
        for (const [key, viewer] of viewers) if (now - viewer.seen > PRESENCE_TTL_MS) viewers.delete(key);
        const people = [...new Map([...viewers.values()].map((viewer) => [viewer.name, viewer])).keys()];
        write(`event: presence\ndata: ${JSON.stringify({ viewers: people })}\n\n`);
      };
      const announce = (state: 'here' | 'gone') =>
        publish('marginalia_presence', {
          articleId: article.id,
          connection,
          userId: user.id,
          name: user.name,
          state,
        }).catch(() => undefined);

      const unsubscribeEvents = await subscribe('marginalia_events', (payload) => {
        if (payload.articleId === article.id || payload.reconnected) sendMissed();
      });
      const unsubscribePresence = await subscribe('marginalia_presence', (payload) => {
        if (payload.articleId !== article.id || payload.userId === user.id) return;
        const key = String(payload.connection);
        if (payload.state === 'gone') viewers.delete(key);
        else {
          const known = viewers.has(key);
          viewers.set(key, { name: String(payload.name), seen: Date.now() });
          // Answer a newcomer, so they learn about us without waiting for a heartbeat.
          if (!known) void announce('here');
        }
        sendPresence();
      });
      const heartbeat = setInterval(() => {
        write(': heartbeat\n\n');
        void announce('here');
        sendPresence();
      }, HEARTBEAT_MS);

      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribeEvents();
        unsubscribePresence();
        void announce('gone');
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      request.signal.addEventListener('abort', cleanup);

      write('retry: 1000\n\n');
      write(`id: ${lastSent}\nevent: ready\ndata: {}\n\n`);
      sendMissed();
      // `?once=1`: send what happened since Last-Event-ID (or ?after=) and close: polling for
      // clients that cannot keep a stream open.
      if (once) {
        void sending.then(cleanup);
        return;
      }
      void announce('here');
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
});
