// Next.js calls register() once when a server starts, and onRequestError() for every error it
// catches while rendering a page or running a route handler.
import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // A server started without scripts/start.ts (e.g. `node .next/standalone/server.js`) gets the
  // same configuration check: in production a missing setting stops it here, naming the setting.
  const { describeEnvProblems, parseEnv } = await import('./lib/config/env');
  const checked = parseEnv(process.env, { production: process.env.NODE_ENV === 'production' });
  if (!checked.ok) {
    const { logger } = await import('./server/log/logger');
    logger().fatal({ problems: checked.problems }, describeEnvProblems(checked.problems));
    process.exit(1);
  }
  // The job queue's workers and the daily digest's schedule (server/jobs): mail queued before a
  // restart goes out, large imports waiting are converted, the digest runs. Not while building.
  if (process.env.DATABASE_URL && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startBackgroundWork } = await import('./server/jobs/background-work');
    startBackgroundWork().catch(async (error: unknown) => {
      const { logger } = await import('./server/log/logger');
      logger().error({ err: error }, 'background work did not start; it starts again on first use');
    });
  }
  // OpenTelemetry is off unless a collector is configured (the standard OTEL_* variables).
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import('@vercel/otel');
    registerOTel({ serviceName: process.env.OTEL_SERVICE_NAME ?? 'marginalia' });
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./server/log/logger');
  const { currentRequestId } = await import('./server/log/request-context');
  const failure = error as Error & { digest?: string };
  // The route pattern, never the path: paths can hold tokens (/invite/[token]); no headers, no body.
  logger().error(
    {
      requestId: currentRequestId(),
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      digest: failure.digest,
      err: { name: failure.name, message: failure.message, stack: failure.stack },
    },
    'request failed',
  );
};
