import { migrate, openDb } from '@/lib/db/connect';
import { isEmpty, seedDemo } from '@/lib/demo/seed';
import { getEnv, publicUrl } from '@/lib/env';

/** `npm run db:seed`: loads the demo page into an empty database (refuses to mix with real data). */
async function main() {
  const db = openDb(getEnv().DATABASE_URL);
  try {
    await migrate(db);
    if (!(await isEmpty(db.kysely))) {
      console.error('The database already has components; the demo is only loaded into an empty database.');
      process.exitCode = 1;
      return;
    }
    const { incidents } = await seedDemo(db.kysely, new Date(), publicUrl());
    console.log(`Demo loaded: ${incidents} incidents and maintenance windows.`);
  } finally {
    await db.kysely.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
