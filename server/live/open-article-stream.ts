import 'server-only';
import type { LiveEvent } from '@/lib/domain/live/live-event';
import type { RequestUser } from '@/server/auth/request-user';
import { getMemberArticle } from '../data/articles/get-member-article';
import { withheldAnnotationIds } from '../data/privilege/visible-annotations';
import { articleEventIdsInWindow, articleEventsAfter, latestEventId, REORDER_WINDOW } from './article-events';
import { decodeEventCursor, encodeEventCursor } from './event-cursor';
import { subscribe } from './event-bus';
import { joinPresence } from './presence';
import { currentStreamRole } from './stream-access';

const HEARTBEAT_MS = 15_000;
/** After this the stream ends and the browser reconnects, so its access is checked afresh. */
export const STREAM_LIFETIME_MS = 15 * 60_000;
/** Audit actions that may take the stream's user's access away: re-checked at once. */
const ACCESS_ACTIONS = new Set(['member.removed', 'member.left', 'member.role_changed', 'api_token.revoked']);
const SENT_MEMORY = 5_000;

export type ArticleStreamOptions = {
  user: Pick<RequestUser, 'id' | 'name' | 'tokenId'>;
  articleId: string;
  /** A cursor from an earlier event (Last-Event-ID or ?after=): replay from there. */
  resumeFrom: string | null;
  /** Send what happened since `resumeFrom` and close: polling for clients without streams. */
  once?: boolean;
  signal: AbortSignal;
  lifetimeMs?: number;
  heartbeatMs?: number;
};

/**
 * One viewer's server-sent event stream for an article: `change` events (an opaque cursor as
 * the event id, so a reconnecting browser resumes without gaps or repeats), `presence`, and
 * `revoked` just before it closes because the viewer lost access. Events are redacted for the
 * viewer's role at the moment they are sent. Access is re-checked before
 * every batch of events (after reading them, so nothing committed after a removal slips
 * through), on every heartbeat, and at once when a membership or token change is announced.
 * Throws NOT_FOUND before anything is streamed when the user cannot see the article.
 */
export async function openArticleStream(options: ArticleStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const { user } = options;
  const article = await getMemberArticle({ userId: user.id, articleId: options.articleId });
  const access = { userId: user.id, articleId: article.id, tokenId: user.tokenId ?? null };
  const resumed = decodeEventCursor(options.resumeFrom);
  let lastSent = resumed ?? (await latestEventId());
  // A fresh connection starts at "now": what is already stored is history, not news.
  const sent = new Set<bigint>(resumed === null ? await articleEventIdsInWindow(article.id, lastSent) : []);
  const encoder = new TextEncoder();

  let end = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const timers: { heartbeat?: ReturnType<typeof setInterval>; lifetime?: ReturnType<typeof setTimeout> } = {};
      const unsubscribers: (() => void)[] = [];
      let presence: Awaited<ReturnType<typeof joinPresence>> | null = null;
      end = () => {
        if (closed) return;
        closed = true;
        clearInterval(timers.heartbeat);
        clearTimeout(timers.lifetime);
        for (const unsubscribe of unsubscribers) unsubscribe();
        presence?.leave();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const revoke = () => {
        write('event: revoked\ndata: {}\n\n');
        end();
      };

      // Serialised, so two notices never race to send the same event, and a revocation
      // found by one check is acted on before the next batch is read.
      let queue = Promise.resolve();
      const serially = (work: () => Promise<void>) => {
        queue = queue.then(() => (closed ? undefined : work())).catch(() => undefined);
        return queue;
      };
      /** The viewer's role now, or null (and the stream revoked) once they may not read on. */
      const currentRole = async () => {
        if (closed) return null;
        const role = await currentStreamRole(access);
        if (!role) revoke();
        return role;
      };
      const sendMissed = () =>
        serially(async () => {
          const events = (
            await articleEventsAfter(article.id, lastSent > REORDER_WINDOW ? lastSent - REORDER_WINDOW : 0n)
          ).filter(({ seq }) => !sent.has(seq));
          if (events.length === 0) return;
          const role = await currentRole();
          if (!role) return;
          // Read after the events, like the role: a note marked privileged before them is withheld.
          const withheld = await withheldAnnotationIds({
            userId: user.id,
            role,
            workspaceId: article.workspaceId,
            articleId: article.id,
          });
          for (const { seq, toLive } of events) {
            const event = toLive(role, withheld);
            if (event) send(seq, event);
            else skip(seq);
          }
          if (sent.size > SENT_MEMORY) for (const seq of [...sent].slice(0, SENT_MEMORY / 2)) sent.delete(seq);
        });
      const skip = (seq: bigint) => {
        sent.add(seq);
        if (seq > lastSent) lastSent = seq;
      };
      const send = (seq: bigint, event: LiveEvent) => {
        sent.add(seq);
        if (seq > lastSent) lastSent = seq;
        write(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const recheck = () => serially(async () => void (await currentRole()));

      unsubscribers.push(
        await subscribe('marginalia_events', (payload) => {
          if (payload.reconnected) {
            void recheck();
            void sendMissed();
          } else if (payload.articleId === article.id) void sendMissed();
          else if (
            typeof payload.action === 'string' &&
            ACCESS_ACTIONS.has(payload.action) &&
            (payload.objectId === user.id || (access.tokenId !== null && payload.objectId === access.tokenId))
          )
            void recheck();
        }),
      );
      if (options.signal.aborted) return end();
      options.signal.addEventListener('abort', end);

      write('retry: 1000\n\n');
      write(`id: ${encodeEventCursor(lastSent)}\nevent: ready\ndata: {}\n\n`);
      void sendMissed();
      if (options.once) {
        void queue.then(end);
        return;
      }
      const joined = await joinPresence({
        articleId: article.id,
        user,
        onViewers: (viewers) => write(`event: presence\ndata: ${JSON.stringify({ viewers })}\n\n`),
      });
      if (closed) return joined.leave();
      presence = joined;
      timers.heartbeat = setInterval(() => {
        write(': heartbeat\n\n');
        joined.heartbeat();
        void recheck();
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      timers.lifetime = setTimeout(end, options.lifetimeMs ?? STREAM_LIFETIME_MS);
    },
    cancel() {
      end();
    },
  });
}

/** The response headers of an event stream (no buffering by proxies, no caching). */
export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
