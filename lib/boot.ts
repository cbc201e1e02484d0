import { getDb } from '@/lib/db';
import { isEmpty, seedDemo } from '@/lib/demo/seed';
import { getEnv, publicUrl } from '@/lib/env';

/** Start-up work for the server process: configuration check, migrations, optional demo data. */
export async function boot(): Promise<void> {
  const env = getEnv();
  const db = await getDb();
  console.log(`[beacon] database ready (${db.dialect})`);
  if (env.BEACON_DEMO && (await isEmpty(db.kysely))) {
    const started = Date.now();
    const { incidents } = await seedDemo(db.kysely, new Date(), publicUrl());
    console.log(`[beacon] demo data loaded: ${incidents} incidents and maintenance in ${Date.now() - started} ms`);
  }
}
