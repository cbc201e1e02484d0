import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** The port Playwright's own server uses; extra servers take fixed offsets from it. */
export const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

/** A Beacon server process of its own (the build Playwright made), for tests that change data or stop things. */
export class BeaconServer {
  private child: ChildProcess | null = null;
  log = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the custom server and waits until its snapshots answer. */
  async start(opts: { waitForSnapshot?: boolean } = {}): Promise<void> {
    // A restart must wait for its own "ready" line, not find the previous run's.
    this.log = '';
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        BEACON_PUBLIC_URL: this.url,
        NEXT_TELEMETRY_DISABLED: '1',
        BEACON_WORKER: 'off',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.log += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited:\n${this.log}`);
      const ready = opts.waitForSnapshot === false ? /listening on/.test(this.log) : /snapshots ready/.test(this.log);
      if (ready) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start:\n${this.log}`);
  }

  /** Stops the process group and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
}

/** Removes a SQLite file with its WAL, shared-memory and snapshot companions. */
export function removeSqlite(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '.snapshot.json']) fs.rmSync(`${file}${suffix}`, { force: true });
}
