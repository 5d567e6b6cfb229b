// Shared by the HTTP and browser benchmarks: a production server on a throw-away database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../db/schema-engine';
import { productionServerArgs } from '../server-command';

const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

export async function ensureBuild(): Promise<void> {
  if (existsSync(path.join(projectRoot, '.next', 'standalone', 'server.js'))) return;
  console.log('Building the app once…');
  await new Promise((resolve, reject) =>
    spawn(process.execPath, [nextBin, 'build'], { cwd: projectRoot, stdio: 'inherit' }).on('exit', (code) =>
      code ? reject(new Error(`next build exited with ${code}`)) : resolve(null),
    ),
  );
}

export async function startServer(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** Drop the server's error log, e.g. while a fault test makes it log every refused request. */
  quiet?: boolean;
}) {
  await ensureBuild();
  const origin = `http://127.0.0.1:${options.port}`;
  // BENCH_CPU_PROFILE=dir writes a V8 CPU profile of the server there on exit.
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  // The server production runs (scripts/server.ts around the standalone build), not `next start`.
  const server: ChildProcess = spawn(process.execPath, [...profile, ...productionServerArgs(projectRoot)], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', options.quiet ? 'ignore' : 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: 'bench-secret-not-for-production',
      NEXTAUTH_URL: origin,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOSTNAME: '127.0.0.1',
      // One access-log line per request would be part of every benchmark's figure.
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
  for (let i = 0; ; i++) {
    if (
      await fetch(`${origin}/signin`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240) throw new Error(`Server did not start on ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    origin,
    pid: server.pid!,
    /** Kills the server without letting it finish anything, as a crash or an OOM kill would. */
    kill: () =>
      new Promise<void>((resolve) => {
        server.on('exit', () => resolve());
        server.kill('SIGKILL');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.on('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}
