import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { removeSqlite } from '@/e2e/support/beacon-server';
import { migrate, openDb } from '@/lib/db/connect';
import { newId } from '@/lib/db/ids';
import { insertActiveSubscribers } from '@/lib/notify/testing/active-subscribers';
import { seedDemo } from '@/lib/demo/seed';
import { newWebhookSecret } from '@/lib/notify/webhook';
import { createApiKey } from '@/lib/services/create-api-key';
import { createOperator } from '@/lib/services/create-operator';
import { getPageSettings } from '@/lib/db/queries/page-settings';

/** One subscriber the soak expects alerts for. */
export interface SoakSubscriber {
  id: string;
  kind: 'email' | 'webhook';
  address: string;
  /** Webhook signing secret. */
  secret?: string;
}

/** An empty database: a SQLite file under data/, or a new PostgreSQL database (dropped by `drop`). */
export async function freshDatabase(usePg: boolean, sqliteFile: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!usePg) {
    removeSqlite(sqliteFile);
    return { url: `file:./${sqliteFile}`, drop: async () => undefined };
  }
  const admin = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `beacon_soak_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * Fills a fresh database before the server starts: the demo page, an admin with a management
 * API key, and confirmed subscribers (emails, then webhooks) inserted as the confirm flow leaves them.
 */
export async function prepareDatabase(url: string, publicUrl: string, wanted: { emails: number; webhooks: string[] }) {
  const db = openDb(url);
  try {
    await migrate(db);
    const now = new Date();
    await seedDemo(db.kysely, now, publicUrl);
    const ctx = { db: db.kysely, now: () => new Date(), actor: { type: 'system' as const, id: null, name: 'bench:soak' } };
    const operator = await createOperator({ ctx, input: { email: 'soak@bench.test', name: 'Soak', role: 'admin', password: randomBytes(12).toString('hex') } });
    const { key } = await createApiKey({ ctx, input: { name: 'soak', operatorId: operator.id } });
    const pageId = (await getPageSettings(db.kysely, now)).id;

    const subscribers: SoakSubscriber[] = [
      ...Array.from({ length: wanted.emails }, (_, i) => ({ id: newId(), kind: 'email' as const, address: `reader${i}@soak.test` })),
      ...wanted.webhooks.map((address) => ({ id: newId(), kind: 'webhook' as const, address, secret: newWebhookSecret() })),
    ];
    await insertActiveSubscribers(db, subscribers, now);
    return { apiKey: key, pageId, subscribers };
  } finally {
    await db.kysely.destroy();
  }
}
