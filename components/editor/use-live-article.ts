'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { LiveCursor, LiveEvent } from '@/lib/domain/live/live-event';

export type { LiveEvent };

/**
 * Follows an article's server-sent events from the cursor the page was rendered at. The
 * browser reconnects by itself after a dropped connection (or the server's lifetime cap) and
 * sends the last event id, so the server replays what was missed; ids already handled (and
 * those the page already showed) are skipped, so nothing is applied twice. When the server
 * says access was revoked, the page is refreshed instead of reconnecting.
 */
export function useLiveArticle(articleId: string, cursor: LiveCursor, onEvent: (event: LiveEvent) => void) {
  const router = useRouter();
  const start = useRef(cursor);
  const [viewers, setViewers] = useState<string[]>([]);
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    const seen = new Set<string>(start.current.seen);
    let lastEventId = start.current.after;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      // A fresh EventSource does not send Last-Event-ID, so the resume point goes in the URL.
      const url = `/api/articles/${articleId}/events${lastEventId ? `?after=${lastEventId}` : ''}`;
      const current = new EventSource(url);
      source = current;
      const remember = (message: MessageEvent<string>) => {
        if (message.lastEventId) lastEventId = message.lastEventId;
      };
      current.addEventListener('ready', (message) => {
        remember(message as MessageEvent<string>);
        setConnected(true);
      });
      current.addEventListener('error', () => {
        setConnected(false);
        // The browser retries by itself unless it gave up (CLOSED): then start over, later.
        if (current.readyState === EventSource.CLOSED && !stopped) retry = setTimeout(connect, 2_000);
      });
      current.addEventListener('change', (message) => {
        remember(message as MessageEvent<string>);
        const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
        if (seen.has(event.id)) return;
        seen.add(event.id);
        handler.current(event);
      });
      current.addEventListener('revoked', () => {
        stopped = true;
        current.close();
        setConnected(false);
        router.refresh();
      });
      current.addEventListener('presence', (message) => {
        setViewers((JSON.parse((message as MessageEvent<string>).data) as { viewers: string[] }).viewers);
      });
    };
    // A dropped network often leaves a half-dead connection open: close it when the browser
    // goes offline and resume from the last event when it is back.
    const goOffline = () => {
      source?.close();
      clearTimeout(retry);
      setConnected(false);
    };
    const goOnline = () => {
      source?.close();
      connect();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      source?.close();
    };
  }, [articleId, router]);

  return { viewers, connected };
}
