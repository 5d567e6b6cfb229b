// Errors that mean "the database cannot be reached right now" rather than "this request is
// wrong": refused or dropped connections, a server shutting down or starting up, and Prisma's
// connection-level codes. The client should retry later, so these become 503 + Retry-After.
// P2024 (no pooled connection in time) and P2028 (a transaction that could not start, or ran
// past its time and was rolled back) mean the server is saturated, not that the request is
// wrong: nothing was written, so retrying is safe.
const PRISMA_CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const MESSAGES =
  /connection terminated|connection refused|can't reach database|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|server closed the connection|Client has encountered a connection error/i;

/** Postgres SQLSTATE classes 08 (connection exception) and 57P (operator intervention). */
const isConnectionSqlState = (code: string) => /^08|^57P0[1-3]$/.test(code);

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const candidate = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    originalCode?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof candidate.code === 'string') {
    if (PRISMA_CONNECTION_CODES.has(candidate.code) || NODE_CODES.has(candidate.code)) return true;
    if (isConnectionSqlState(candidate.code)) return true;
  }
  if (typeof candidate.originalCode === 'string' && isConnectionSqlState(candidate.originalCode)) return true;
  if (typeof candidate.kind === 'string' && ADAPTER_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === 'string' && MESSAGES.test(candidate.message)) return true;
  return (
    isDatabaseUnavailable(candidate.cause, depth + 1) ||
    isDatabaseUnavailable(candidate.meta?.driverAdapterError, depth + 1)
  );
}
