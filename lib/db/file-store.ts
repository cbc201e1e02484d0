import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Incident files' bytes in a directory (BEACON_FILES_DIR), each under its SHA-256
 * (`ab/abcdef…`): the same bytes are kept once, a name says nothing about its incident, and the
 * bytes are checked against the name when read, so a damaged file is refused, not served.
 */
export class FileDirectory {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Keeps the bytes (written to a temporary name, flushed, then renamed: never half a file). */
  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(sha256);
    const existing = await fs.stat(target).catch(() => null);
    if (existing?.size === bytes.byteLength) return;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  }

  /** The bytes, checked against their SHA-256. */
  async get(sha256: string): Promise<Buffer> {
    const bytes = await fs.readFile(this.pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `file ${sha256} is missing from ${this.root}` : `file ${sha256} cannot be read: ${error.message}`);
    });
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`file ${sha256} in ${this.root} is damaged (its bytes no longer match their SHA-256)`);
    return bytes;
  }

  async remove(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }
}
