// What the access log line of a request needs to know from inside the app: who was asking.
// The production server (scripts/server.ts) runs Next.js's handler inside an AsyncLocalStorage
// it publishes on globalThis, because the app's bundled modules are separate instances from
// the server's: a module-level store would not be shared between the two.
import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = { requestId: string; userId?: string };

const KEY = Symbol.for('marginalia.requestContext');
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

export function requestContextStorage(): AsyncLocalStorage<RequestContext> {
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[KEY];
}

/** Records the authenticated user of the current request for its access log line. */
export function noteRequestUser(userId: string): void {
  const context = requestContextStorage().getStore();
  if (context) context.userId = userId;
}

/** The id of the request being served (also sent as `X-Request-Id`), when there is one. */
export function currentRequestId(): string | undefined {
  return requestContextStorage().getStore()?.requestId;
}
