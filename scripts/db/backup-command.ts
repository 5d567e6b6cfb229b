// npm run db:backup -- [file]   writes a backup of DATABASE_URL (or the embedded database)
// npm run db:restore -- <file>  restores one into DATABASE_URL (or the embedded database), which must be empty
// See scripts/db/backup.ts for the format.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { backupDatabase, restoreDatabase } from './backup';
import { resolveDatabaseUrlForTool } from './database-urls';
import { projectRoot } from './schema-engine';

const [command, file] = process.argv.slice(2);
const total = (header: { tables: { rows: number }[] }) => header.tables.reduce((sum, table) => sum + table.rows, 0);

try {
  if (command === 'backup') {
    const target =
      file ??
      path.join(projectRoot, 'backups', `marginalia-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
    mkdirSync(path.dirname(target), { recursive: true });
    const header = await backupDatabase(await resolveDatabaseUrlForTool(), target);
    console.log(`Backed up ${total(header)} rows of ${header.tables.length} tables to ${target}`);
  } else if (command === 'restore' && file) {
    const header = await restoreDatabase(await resolveDatabaseUrlForTool(), file);
    console.log(
      `Restored ${total(header)} rows of ${header.tables.length} tables from ${file} (made ${header.createdAt})`,
    );
  } else {
    console.error('Usage: npm run db:backup -- [file] | npm run db:restore -- <file>');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
process.exit();
