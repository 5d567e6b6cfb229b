// The one JSON logger (pino) of the server process and the scripts around it: one line per
// event on stdout, for `docker logs` or any collector. Free of `server-only` so that the
// production server (scripts/server.ts) and the start script log the same way.
import pino, { type Logger } from 'pino';

const globalForLog = globalThis as unknown as { marginaliaLogger?: Logger };

// Field names that must never reach a log line whatever a caller passes (pino blanks them).
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'body',
  '*.body',
];

export function logger(): Logger {
  globalForLog.marginaliaLogger ??= pino({
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'marginalia' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: '[redacted]' },
  });
  return globalForLog.marginaliaLogger;
}
