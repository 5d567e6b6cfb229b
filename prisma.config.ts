import { defineConfig } from 'prisma/config';

// The URL is only needed by commands that talk to the database; `prisma generate`
// must work on a machine with no database configured yet.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/marginalia',
  },
});
