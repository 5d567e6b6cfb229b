import 'server-only';
import { publish, subscribe } from './event-bus';

const PRESENCE_TTL_MS = 40_000;

type Viewer = { name: string; seen: number };

/**
 * Who else has the article open, across app instances: each stream announces itself on
 * `marginalia_presence` when it opens, on every heartbeat and when it closes, and forgets
 * viewers it has not heard from within the TTL (an instance that died never says goodbye).
 */
export async function joinPresence(options: {
  articleId: string;
  user: { id: string; name: string };
  onViewers: (names: string[]) => void;
}) {
  const connection = crypto.randomUUID();
  const viewers = new Map<string, Viewer>();
  const announce = (state: 'here' | 'gone') =>
    publish('marginalia_presence', {
      articleId: options.articleId,
      connection,
      userId: options.user.id,
      name: options.user.name,
      state,
    }).catch(() => undefined);
  const report = () => {
    const now = Date.now();
    for (const [key, viewer] of viewers) if (now - viewer.seen > PRESENCE_TTL_MS) viewers.delete(key);
    options.onViewers([...new Set([...viewers.values()].map((viewer) => viewer.name))]);
  };

  const unsubscribe = await subscribe('marginalia_presence', (payload) => {
    if (payload.articleId !== options.articleId || payload.userId === options.user.id) return;
    const key = String(payload.connection);
    if (payload.state === 'gone') viewers.delete(key);
    else {
      const known = viewers.has(key);
      viewers.set(key, { name: String(payload.name), seen: Date.now() });
      // Answer a newcomer, so they learn about us without waiting for a heartbeat.
      if (!known) void announce('here');
    }
    report();
  });
  void announce('here');

  return {
    heartbeat() {
      void announce('here');
      report();
    },
    leave() {
      unsubscribe();
      void announce('gone');
    },
  };
}
