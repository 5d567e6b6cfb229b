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

export async function runPrepared<Row extends pg.QueryResultRow>(
  statement: PreparedStatement,
  values: unknown[],
): Promise<Row[]> {
  const result = await pgPool().query<Row>({ name: statement.name, text: statement.text, values });
  return result.rows;
}
