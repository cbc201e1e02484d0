import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { shared } from '@/lib/runtime/bridge';

/** Where the generated key lives when BEACON_SECRET is unset: beside the SQLite file, or in ./data. */
export function secretFilePath(databaseUrl: string): string {
  const dir = databaseUrl.startsWith('file:') ? path.dirname(databaseUrl.slice('file:'.length)) : 'data';
  return path.resolve(dir, 'beacon-secret');
}

/** Reads the key file, or creates it once (mode 0600); a process that loses the race reads the winner's key. */
export function fileSecret(file: string): Buffer {
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
}

/**
 * The server key that subscriber links are derived from: BEACON_SECRET, or a random key kept in
 * a file next to the data. Every instance serving one database must see the same key.
 */
export function linkSecret(): Buffer {
  return shared('linkSecret', () => {
    const env = getEnv();
    return env.BEACON_SECRET ? Buffer.from(env.BEACON_SECRET, 'utf8') : fileSecret(secretFilePath(env.DATABASE_URL));
  });
}
