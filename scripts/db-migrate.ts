import { migrate, openDb } from '@/lib/db/connect';
import { getEnv } from '@/lib/env';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL. */
async function main() {
  const db = openDb(getEnv().DATABASE_URL);
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await db.kysely.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
