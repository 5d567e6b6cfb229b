// The production HTTP server: Next.js's own request handler, from the standalone build, behind a
// node:http server of ours. `next start` and the generated .next/standalone/server.js give no
// hook for what a deployment needs before and after Next.js sees a request:
// - the client address: without TRUST_PROXY, forwarding headers a client wrote are dropped, so
//   Next.js fills X-Forwarded-For with the socket's address (per-IP limits cannot be dodged by a
//   forged header); behind TRUST_PROXY=n proxies they are kept for lib/security/rate-limit-client-ip.
// - one JSON access-log line per request (request id, method, route pattern, status, duration,
//   user id; never bodies, query strings, cookies or tokens);
// - a clean stop on SIGTERM/SIGINT: stop accepting, end event streams (clients reconnect to
//   another instance), let other requests finish, force-close after a grace period;
// - stopping when the start script that spawned it is gone (nothing is left running).
// Usage (scripts/start.ts runs it): node --import tsx/esm scripts/server.ts
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { trustedProxyHops } from '../lib/security/rate-limit-client-ip';
import { logger } from '../server/log/logger';
import { requestContextStorage, type RequestContext } from '../server/log/request-context';

const projectRoot = path.resolve(import.meta.dirname, '..');
const appDir = path.resolve(process.env.MARGINALIA_APP_DIR ?? path.join(projectRoot, '.next', 'standalone'));
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const trustProxy = trustedProxyHops(process.env.TRUST_PROXY) > 0;
/** In-flight requests get this long after SIGTERM; a container manager kills at 10 s. */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 7_000);
const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];

const log = logger();

if (!existsSync(path.join(appDir, 'server.js'))) {
  log.fatal({ appDir }, 'No standalone build found: run `npm run build` first');
  process.exit(1);
}

// What the generated standalone server.js does before loading Next.js.
const requiredFiles = JSON.parse(readFileSync(path.join(appDir, '.next', 'required-server-files.json'), 'utf8')) as {
  config: unknown;
};
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(requiredFiles.config);
Object.assign(process.env, { NODE_ENV: 'production', NEXT_MANUAL_SIG_HANDLE: '1' });
process.env.PORT = String(port);
process.chdir(appDir);

// `next build` leaves the browser assets beside the standalone folder; the image copies them in
// (Dockerfile). A build in the checkout gets a link instead of a second copy.
const staticDir = path.join(appDir, '.next', 'static');
const builtStatic = path.join(projectRoot, '.next', 'static');
if (!existsSync(staticDir) && existsSync(builtStatic))
  symlinkSync(path.relative(path.dirname(staticDir), builtStatic), staticDir);

type RoutePattern = { page: string; regex: RegExp };
/** The route patterns of the build, so log lines name `/invite/[token]`, never the token itself. */
function loadRoutes(): RoutePattern[] {
  const manifest = JSON.parse(readFileSync(path.join(appDir, '.next', 'routes-manifest.json'), 'utf8')) as {
    staticRoutes?: { page: string; regex: string }[];
    dynamicRoutes?: { page: string; regex: string }[];
  };
  return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({
    page: route.page,
    regex: new RegExp(route.regex),
  }));
}
const routes = loadRoutes();

function routeOf(url: string | undefined): string {
  const pathname = (url ?? '/').split('?')[0]!;
  if (pathname.startsWith('/_next/')) return '/_next/*';
  return routes.find((route) => route.regex.test(pathname))?.page ?? '(unmatched)';
}

const inFlight = new Set<ServerResponse>();
let stopping = false;

const isEventStream = (res: ServerResponse) =>
  String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') ||
  /content-type:\s*text\/event-stream/i.test(String((res as unknown as { _header?: string })._header ?? ''));

const requireFromApp = createRequire(path.join(appDir, 'server.js'));
const { getRequestHandlers } = requireFromApp('next/dist/server/lib/start-server') as {
  getRequestHandlers(options: Record<string, unknown>): Promise<{
    requestHandler(req: IncomingMessage, res: ServerResponse): Promise<void>;
    upgradeHandler(req: IncomingMessage, socket: unknown, head: Buffer): Promise<void>;
    server?: { close(): Promise<void> };
  }>;
};

const server = createServer((req, res) => {
  const context: RequestContext = { requestId: randomUUID() };
  const started = performance.now();
  if (!trustProxy) for (const name of FORWARDING_HEADERS) delete req.headers[name];
  req.headers['x-request-id'] = context.requestId;
  res.setHeader('X-Request-Id', context.requestId);
  if (stopping) res.setHeader('Connection', 'close');
  inFlight.add(res);
  res.once('close', () => {
    inFlight.delete(res);
    log.info(
      {
        requestId: context.requestId,
        method: req.method,
        route: routeOf(req.url),
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
        userId: context.userId,
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
    if (stopping) server.closeIdleConnections();
  });
  requestContextStorage().run(context, () => {
    handlers.requestHandler(req, res).catch((error: unknown) => {
      log.error({ requestId: context.requestId, err: error }, 'request handler failed');
      if (!res.headersSent) res.writeHead(500).end('Internal Server Error');
    });
  });
});
server.keepAliveTimeout = 65_000; // above the usual load balancer idle timeout of 60 s

async function stop(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ reason, inFlight: inFlight.size }, 'stopping');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  for (const res of inFlight) if (isEventStream(res)) res.destroy();
  const forced = setTimeout(() => {
    log.warn({ inFlight: inFlight.size }, 'grace period over: closing the remaining connections');
    server.closeAllConnections();
  }, GRACE_MS);
  await closed;
  clearTimeout(forced);
  await handlers.server?.close().catch((error: unknown) => log.error({ err: error }, 'Next.js close failed'));
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

// Spawned by the start script: when it is gone (killed outright), nothing else stops this server.
const parent = process.ppid;
if (parent > 1) {
  setInterval(() => {
    if (process.ppid !== parent) void stop('the start script exited');
  }, 1_000).unref();
}

// Ready before the server listens, so no request ever waits for them.
const handlers = await getRequestHandlers({
  dir: appDir,
  port,
  hostname,
  isDev: false,
  server,
  keepAliveTimeout: 65_000,
});
server.on('upgrade', (req, socket, head) => void handlers.upgradeHandler(req, socket, head));
server.listen(port, hostname, () => log.info({ port, hostname, trustProxy }, 'listening'));
