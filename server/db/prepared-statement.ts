import 'server-only';
import type pg from 'pg';
import { pgPool } from '../db';

/**
 * A statement on a hot path. Postgres parses and plans a named statement once per pooled
 * connection and afterwards only binds and runs it, and pg sends no Parse for it again; it
 * also skips Prisma's query compilation, which on a two-core machine costs as much as a round trip.
 * The text must be a constant: values go in `values` only, never into the text.
 */
export type PreparedStatement = { readonly name: string; readonly text: string };

/** invalid_sql_statement_name: the server connection does not hold the statement. */
const UNKNOWN_STATEMENT = '26000';

export async function runPrepared<Row extends pg.QueryResultRow>(
  statement: PreparedStatement,
  values: unknown[],
): Promise<Row[]> {
  try {
    return (await pgPool().query<Row>({ name: statement.name, text: statement.text, values })).rows;
  } catch (error) {
    // Behind a transaction-mode pooler without prepared-statement support (PgBouncer before
    // 1.21, or max_prepared_statements = 0) the next server connection may not know it. The
    // statement never ran, so running it unnamed is safe.
    if ((error as { code?: unknown }).code !== UNKNOWN_STATEMENT) throw error;
    return (await pgPool().query<Row>({ text: statement.text, values })).rows;
  }
}
