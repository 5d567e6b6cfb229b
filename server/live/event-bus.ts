import 'server-only';
import pg from 'pg';

// One LISTEN connection per app instance; Postgres NOTIFY reaches every instance, so live
// updates work behind a load balancer without another moving part.
type Notice = { channel: string; payload: Record<string, unknown> };
type Listener = (payload: Record<string, unknown>) => void;

const CHANNELS = ['marginalia_events', 'marginalia_presence'] as const;
export type Channel = (typeof CHANNELS)[number];

const state = globalThis as unknown as {
  marginaliaBus?: { listeners: Map<string, Set<Listener>>; client: pg.Client | null; connecting: Promise<void> | null };
};
const bus = (state.marginaliaBus ??= { listeners: new Map(), client: null, connecting: null });

function dispatch(notice: Notice) {
  for (const listener of bus.listeners.get(notice.channel) ?? []) listener(notice.payload);
}

async function connect(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on('notification', (message) => {
    if (!message.payload) return;
    try {
      dispatch({ channel: message.channel, payload: JSON.parse(message.payload) as Record<string, unknown> });
    } catch {
      // A malformed notice is not ours to handle.
    }
  });
  client.on('error', () => {
    // The database went away: reconnect, and tell subscribers to catch up from the log.
    bus.client = null;
    bus.connecting = null;
    setTimeout(
      () =>
        void ensureConnected().then(() => dispatch({ channel: 'marginalia_events', payload: { reconnected: true } })),
      1_000,
    );
  });
  await client.connect();
  for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
  bus.client = client;
}

function ensureConnected(): Promise<void> {
  if (bus.client) return Promise.resolve();
  bus.connecting ??= connect().catch((error: unknown) => {
    bus.connecting = null;
    throw error;
  });
  return bus.connecting;
}

export async function subscribe(channel: Channel, listener: Listener): Promise<() => void> {
  await ensureConnected();
  const set = bus.listeners.get(channel) ?? new Set<Listener>();
  set.add(listener);
  bus.listeners.set(channel, set);
  return () => set.delete(listener);
}

export async function publish(channel: Channel, payload: Record<string, unknown>): Promise<void> {
  await ensureConnected();
  await bus.client?.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
}

/** Whether this instance's LISTEN connection is up (connecting it if not), for GET /api/ready. */
export async function listenConnectionUp(): Promise<boolean> {
  await ensureConnected().catch(() => undefined);
  return bus.client !== null;
}
