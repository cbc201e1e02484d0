import type { Db } from '@/lib/db/connect';
import { publishLive } from '@/lib/live/hub';
import { PgListener } from '@/lib/live/pg-listener';
import { watchSqlite } from '@/lib/live/sqlite-watch';
import { peekShared, setShared } from '@/lib/runtime/bridge';

interface LiveState {
  mode: 'postgres-notify' | 'sqlite-watch';
  listener?: PgListener;
  stop: () => Promise<void>;
}

/**
 * Starts hearing about changes made outside this process: LISTEN on PostgreSQL (other instances,
 * workers, CLIs), or watching the SQLite file. Idempotent per process.
 */
export async function startLive(db: Db, databaseUrl: string): Promise<void> {
  if (peekShared('liveChannel')) return;
  if (db.dialect === 'postgres') {
    const listener = new PgListener(databaseUrl);
    setShared<LiveState>('liveChannel', { mode: 'postgres-notify', listener, stop: () => listener.stop() });
    await listener.start();
  } else {
    const stop = watchSqlite(db.kysely, () => publishLive({ type: 'external.changed' }));
    setShared<LiveState>('liveChannel', { mode: 'sqlite-watch', stop: async () => stop() });
  }
}

/** How this instance hears of others' changes, and whether that channel is up, for /api/health. */
export function liveChannelState(): { mode: string; connected: boolean } | null {
  const state = peekShared<LiveState>('liveChannel');
  if (!state) return null;
  return { mode: state.mode, connected: state.listener ? state.listener.connected : true };
}
