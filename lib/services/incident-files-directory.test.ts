import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportDatabase } from '@/lib/db/backup';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { demoTrace } from '@/lib/demo/pcap';
import { attachIncidentFile } from '@/lib/services/attach-incident-file';
import type { ServiceContext } from '@/lib/services/context';
import { createAudience } from '@/lib/services/create-audience';
import { createIncident } from '@/lib/services/create-incident';
import { deleteIncidentFile } from '@/lib/services/delete-incident-file';
import { configuredFileDirectory } from '@/lib/services/file-storage';
import { pruneHistory } from '@/lib/services/prune-history';
import { readIncidentFile } from '@/lib/services/read-incident-file';
import { resolveIncident } from '@/lib/services/resolve-incident';

// BEACON_FILES_DIR before anything reads the configuration.
const ROOT = vi.hoisted(() => {
  const dir = `/tmp/beacon-files-${process.pid}-${Date.now()}`;
  process.env.BEACON_FILES_DIR = dir;
  return dir;
});
afterAll(() => fs.rmSync(ROOT, { recursive: true, force: true }));

const operator = { type: 'operator', id: 'op1', name: 'Noc Operator', role: 'responder' } as const;

for (const dialect of testDialects()) {
  describe(`incident files kept in BEACON_FILES_DIR, on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let ctx: ServiceContext;
    let incident: string;
    let audience: string;
    const trace = demoTrace(new Date('2026-06-01T11:00:00Z'), 6);
    const onDisk = (sha: string) => path.join(ROOT, sha.slice(0, 2), sha);
    const upload = (name: string, bytes: Uint8Array = trace) => attachIncidentFile({ ctx, input: { incidentId: incident, name, bytes, audienceIds: [audience] } });
    const read = (fileId: string) => readIncidentFile({ ctx, input: { incidentId: incident, fileId } });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      ctx = { db: db.kysely, now: clock.now, actor: operator };
      const seed = { db: db.kysely, now: clock.now };
      audience = (await createAudience({ ctx: seed, input: { name: 'Initech Fleet', supportLevel: 'enterprise' } })).id;
      incident = (await createIncident({ ctx: seed, input: { name: 'Breakout packet loss' } })).id;
    });
    afterEach(async () => db.drop());

    it('writes the bytes to the directory under their SHA-256, none in the database, and reads them back', async () => {
      expect(configuredFileDirectory()?.root).toBe(ROOT);
      const file = await upload('echo-timeouts.pcap');
      const row = await db.kysely.selectFrom('incident_files').select(['storage', 'content', 'sha256', 'size']).where('id', '=', file.id).executeTakeFirstOrThrow();
      expect(row.storage).toBe('directory');
      expect(Buffer.from(row.content).byteLength).toBe(0);
      expect(fs.readFileSync(onDisk(row.sha256)).equals(Buffer.from(trace))).toBe(true);
      const got = await read(file.id);
      expect(got.content.equals(Buffer.from(trace))).toBe(true);
      expect(got.name).toBe('echo-timeouts.pcap');
    });

    it('keeps the same bytes once, and removes them with the last file that has them', async () => {
      const first = await upload('a.pcap');
      const second = await upload('b.pcap');
      const { sha256 } = await db.kysely.selectFrom('incident_files').select('sha256').where('id', '=', first.id).executeTakeFirstOrThrow();
      expect(fs.readdirSync(path.dirname(onDisk(sha256))).filter((f) => f.startsWith(sha256))).toEqual([sha256]);
      await deleteIncidentFile({ ctx, fileId: first.id });
      expect(fs.existsSync(onDisk(sha256))).toBe(true);
      expect((await read(second.id)).content.equals(Buffer.from(trace))).toBe(true);
      await deleteIncidentFile({ ctx, fileId: second.id });
      await vi.waitFor(() => expect(fs.existsSync(onDisk(sha256))).toBe(false));
    });

    it('refuses to serve bytes that were damaged or lost on disk, saying which', async () => {
      const other = demoTrace(new Date('2026-06-02T11:00:00Z'), 3);
      const file = await upload('damaged.pcap', other);
      const { sha256 } = await db.kysely.selectFrom('incident_files').select('sha256').where('id', '=', file.id).executeTakeFirstOrThrow();
      const bytes = fs.readFileSync(onDisk(sha256));
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
      fs.writeFileSync(onDisk(sha256), bytes);
      await expect(read(file.id)).rejects.toThrow(/damaged/);
      fs.rmSync(onDisk(sha256));
      await expect(read(file.id)).rejects.toThrow(/missing from/);
    });

    it('puts the bytes into a backup, so restoring needs no directory', async () => {
      const file = await upload('trace.pcap');
      const backup = await exportDatabase(db, new Date(), { fileDirectory: configuredFileDirectory() });
      const row = backup.tables.incident_files!.find((r) => r.id === file.id)!;
      expect(row.storage).toBe('database');
      expect(Buffer.from((row.content as { $base64: string }).$base64, 'base64').equals(Buffer.from(trace))).toBe(true);
    });

    it('removes the bytes of files whose incident the retention job prunes', async () => {
      const file = await upload('old.pcap', demoTrace(new Date('2026-06-03T11:00:00Z'), 2));
      const { sha256 } = await db.kysely.selectFrom('incident_files').select('sha256').where('id', '=', file.id).executeTakeFirstOrThrow();
      await resolveIncident({ ctx, input: { incidentId: incident } });
      clock.advance(400 * 86_400);
      expect(await pruneHistory({ ctx, retentionDays: 365 })).toEqual([incident]);
      expect(await db.kysely.selectFrom('incident_files').select('id').execute()).toEqual([]);
      await vi.waitFor(() => expect(fs.existsSync(onDisk(sha256))).toBe(false));
    });
  });
}
