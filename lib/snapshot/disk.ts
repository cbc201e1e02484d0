import fs from 'node:fs/promises';
import path from 'node:path';
import { represent, type Representation } from '@/lib/snapshot/representation';

interface StoredEntry {
  key: string;
  headers: Record<string, string>;
  body: string;
}

interface StoredSnapshot {
  builtAt: string;
  buildId: string;
  entries: StoredEntry[];
}

let writes = 0;

/** Writes the snapshot atomically (temp file, then rename) so a crash never leaves half a file. */
export async function saveSnapshot(
  file: string,
  snapshot: { builtAt: string; buildId: string; entries: Map<string, Representation> },
): Promise<void> {
  const stored: StoredSnapshot = {
    builtAt: snapshot.builtAt,
    buildId: snapshot.buildId,
    entries: [...snapshot.entries].map(([key, rep]) => ({ key, headers: rep.headers, body: rep.body.toString('base64') })),
  };
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Unique per write: two rebuilds in quick succession may be writing at once.
  const tmp = `${file}.${process.pid}.${++writes}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(stored));
  await fs.rename(tmp, file);
}

/**
 * Reads the last snapshot written, if any. HTML from another build is dropped: it would point
 * at scripts and styles this build does not serve.
 */
export async function loadSnapshot(
  file: string,
  buildId: string,
): Promise<{ builtAt: string; entries: Map<string, Representation> } | undefined> {
  try {
    const stored = JSON.parse(await fs.readFile(file, 'utf8')) as StoredSnapshot;
    const entries = new Map<string, Representation>();
    for (const e of stored.entries) {
      if (stored.buildId !== buildId && e.headers['content-type']?.startsWith('text/html')) continue;
      entries.set(e.key, represent(Buffer.from(e.body, 'base64'), e.headers, { builtAt: stored.builtAt }));
    }
    return { builtAt: stored.builtAt, entries };
  } catch {
    return undefined;
  }
}
