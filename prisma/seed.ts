// `npm run db:seed`: adds the demo workspace to DATABASE_URL (or the embedded database).
import { resolveDatabaseUrlForTool } from '../scripts/db/database-urls';
import { createPrismaClient } from '../server/db/prisma-client';
import { DEMO_USER, seedDemo } from './seed/seed-demo';

const database = createPrismaClient(await resolveDatabaseUrlForTool());
try {
  const { articles } = await seedDemo(database);
  const created = articles.filter((article) => article.created).length;
  console.log(`Seeded demo workspace: ${created} article(s) added, ${articles.length - created} already there.`);
  console.log(`Demo login: ${DEMO_USER.email} / ${DEMO_USER.password}`);
} finally {
  await database.$disconnect();
}
process.exit(0);
