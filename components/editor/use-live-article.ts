'use client';

import { useEffect, useRef, useState } from 'react';
import type { LiveEvent } from '@/lib/domain/live/live-event';

export type { LiveEvent };

/**
 * Follows an article's server-sent events. The browser reconnects by itself after a
 * dropped connection and sends the last event id, so the server replays what was missed;
 * ids already handled are skipped, so nothing is applied twice.
 */
export function useLiveArticle(articleId: string, onEvent: (event: LiveEvent) => void) {
  const [viewers, setViewers] = useState<string[]>([]);
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });

  useEffect(() => {
    const seen = new Set<string>();
    let lastEventId = '';
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
  }, [articleId]);

  return { viewers, connected };
}
