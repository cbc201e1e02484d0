import type { Db } from '@/lib/db/connect';
import { publishLive } from '@/lib/live/hub';
import { PgListener } from '@/lib/live/pg-listener';
import { watchSqlite } from '@/lib/live/sqlite-watch';

interface LiveState {
  mode: 'postgres-notify' | 'sqlite-watch';
  listener?: PgListener;
  stop: () => Promise<void>;
}

const holder = globalThis as typeof globalThis & { __beaconLive?: LiveState };

/**
 * Starts hearing about changes made outside this process: LISTEN on PostgreSQL (other instances,
 * workers, CLIs), or watching the SQLite file. Idempotent per process.
 */
export async function startLive(db: Db, databaseUrl: string): Promise<void> {
  if (holder.__beaconLive) return;
  if (db.dialect === 'postgres') {
    const listener = new PgListener(databaseUrl);
    holder.__beaconLive = { mode: 'postgres-notify', listener, stop: () => listener.stop() };
    await listener.start();
  } else {
    const stop = watchSqlite(db.kysely, () => publishLive({ type: 'external.changed' }));
    holder.__beaconLive = { mode: 'sqlite-watch', stop: async () => stop() };
  }
}

/** How this instance hears of others' changes, and whether that channel is up, for /api/health. */
export function liveChannelState(): { mode: string; connected: boolean } | null {
  const state = holder.__beaconLive;
  if (!state) return null;
  return { mode: state.mode, connected: state.listener ? state.listener.connected : true };
}
