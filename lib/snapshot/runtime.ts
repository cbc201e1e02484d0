import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { getDb } from '@/lib/db';
import { parseDatabaseUrl } from '@/lib/db/connect';
import { getEnv } from '@/lib/env';
import { onLive, publishSettled } from '@/lib/live/hub';
import { SettledChanges } from '@/lib/live/settled-changes';
import { getPublicPageIndex } from '@/lib/services/get-public-page-index';
import { refreshPublicPageIndex } from '@/lib/services/refresh-public-page-index';
import { scopeOf } from '@/lib/snapshot/change-scope';
import type { RenderedPage } from '@/lib/snapshot/page-cache';
import { buildPublicSet } from '@/lib/snapshot/public-set';
import { shareRenderSecret } from '@/lib/snapshot/render-secret';
import { SnapshotStore, exposeSnapshotState } from '@/lib/snapshot/store';

/** Rebuild even without changes, so day boundaries and "x minutes ago" move on. */
const REFRESH_MS = 60_000;
const PROBE_MS = { healthy: 2_000, degraded: 1_000 };

/** Where the last good snapshot is kept: next to the SQLite file, or under ./data for PostgreSQL. */
export function snapshotFile(databaseUrl: string): string {
  const { dialect, target } = parseDatabaseUrl(databaseUrl);
  if (dialect === 'sqlite') return `${target}.snapshot.json`;
  return path.join('data', `snapshot-${createHash('sha256').update(target).digest('hex').slice(0, 12)}.json`);
}

/**
 * The snapshot store of this server process: HTML rendered by Next through `render` (a request
 * carrying `secret`, which the front handler passes through), rebuilt on every live event (only
 * what the event touched) and every minute (everything).
 */
export async function startSnapshots(opts: {
  render: (pathname: string, secret: string) => Promise<RenderedPage>;
  distDir: string;
}): Promise<{ store: SnapshotStore; secret: string }> {
  const env = getEnv();
  const secret = randomBytes(16).toString('hex');
  shareRenderSecret(secret);
  const { dialect, target } = parseDatabaseUrl(env.DATABASE_URL);
  let buildId = 'dev';
  try {
    buildId = fs.readFileSync(path.join(opts.distDir, 'BUILD_ID'), 'utf8').trim();
  } catch {
    // no build id: HTML kept on disk is never reused
  }
  const settled = new SettledChanges(publishSettled);
  const store = new SnapshotStore({
    file: snapshotFile(env.DATABASE_URL),
    buildId,
    buildSet: async () => buildPublicSet({ db: (await getDb()).kysely, now: () => new Date() }),
    buildIndex: async (change) => {
      const ctx = { db: (await getDb()).kysely, now: () => new Date() };
      return change ? refreshPublicPageIndex({ ctx, ...change }) : getPublicPageIndex({ ctx });
    },
    renderHtml: (pathname) => opts.render(pathname, secret),
    onBuilt: (startedAt) => settled.built(startedAt),
    probe: async () => {
      if (dialect === 'sqlite') fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK);
      await sql`select 1`.execute((await getDb()).kysely);
    },
  });
  exposeSnapshotState(store);
  await store.loadFromDisk();
  // Each change rebuilds what it touched; the minute's refresh (days, "x minutes ago") everything.
  onLive((event) => {
    settled.hold(event);
    store.schedule(scopeOf(event));
  });
  setInterval(() => store.schedule(), REFRESH_MS).unref();
  const probe = () => {
    void store.check().finally(() => {
      setTimeout(probe, store.isDegraded() ? PROBE_MS.degraded : PROBE_MS.healthy).unref();
    });
  };
  setTimeout(probe, PROBE_MS.healthy).unref();
  return { store, secret };
}
