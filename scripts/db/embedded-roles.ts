// Who connects to the embedded database. The cluster's superuser (its password generated on first
// start and kept in .data/, never a fixed one) only administers; the tables belong to an owner
// role that runs the migrations; the app runs as a third role with SELECT/INSERT/UPDATE/DELETE
// and nothing else. Not being the tables' owner, the app cannot disable or drop the audit
// trigger; not being a superuser, it cannot `SET session_replication_role = replica` (which
// would switch every trigger off), nor TRUNCATE, nor change the schema.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export type RoleNames = { owner: string; app: string };
export const APP_ROLES: RoleNames = { owner: 'marginalia_owner', app: 'marginalia_app' };

export type Credentials = { superuser: string; owner: string; app: string };

const secret = () => randomBytes(24).toString('base64url');

/** The cluster's passwords, made on first use and kept beside its data folder (mode 600). */
export async function loadCredentials(dataDir: string): Promise<Credentials> {
  const file = `${dataDir}.credentials.json`;
  const existing = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Credentials,
    () => null,
  );
  if (existing?.superuser && existing.owner && existing.app) return existing;
  const created = { superuser: secret(), owner: secret(), app: secret() };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
// Passwords are base64url (letters, digits, - and _): safe inside a SQL literal.
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function withClient(url: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export function urlAs(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

/**
 * As the superuser, on `databaseUrl`'s database: creates the owner and app roles if missing, gives
 * the database, its schema and every existing object to the owner (a cluster made before the
 * roles had them all owned by the superuser), and grants the app its rights on what exists and
 * on whatever the owner creates later. Idempotent: runs on every start.
 */
export async function ensureAppRoles(
  databaseUrl: string,
  passwords: { owner: string; app: string },
  roles: RoleNames = APP_ROLES,
): Promise<void> {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const { owner, app } = { owner: ident(roles.owner), app: ident(roles.app) };
  await withClient(databaseUrl, async (client) => {
    for (const [name, password] of [
      [roles.owner, passwords.owner],
      [roles.app, passwords.app],
    ] as const) {
      const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
      const verb = found.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${ident(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`,
      );
    }
    await client.query(`ALTER DATABASE ${ident(database)} OWNER TO ${owner}`);
    await client.query(`ALTER SCHEMA public OWNER TO ${owner}`);
    const { rows } = await client.query<{ statement: string }>(
      `SELECT format('ALTER %s %s OWNER TO %I',
                     CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
                     c.oid::regclass, $1::text) AS statement
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'S')
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
          AND pg_get_userbyid(c.relowner) <> $1
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> $1
       UNION ALL
       SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1`,
      [roles.owner],
    );
    for (const { statement } of rows) await client.query(statement);
    await client.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${app}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await client.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    );
    await client.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`,
    );
  });
}

/** After migrations, as the owner: the app's rights on every table, and only reading on the migration log. */
export async function grantAppRole(ownerUrl: string, roles: RoleNames = APP_ROLES): Promise<void> {
  const app = ident(roles.app);
  await withClient(ownerUrl, async (client) => {
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${app}`);
  });
}
