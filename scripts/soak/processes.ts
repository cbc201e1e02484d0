import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * A TypeScript entry point run as `node --import tsx FILE` (not through the tsx CLI, which
 * would put a wrapper process in between): the pid is the program itself, so /proc figures
 * and SIGKILL reach it. Output goes to a log file, not into this process's memory.
 */
export class SoakProcess {
  private child: ChildProcess | null = null;
  /** How each exit nobody asked for ended (a signal, or `code N`). */
  readonly unexpectedExits: string[] = [];
  /** Restart after an exit nobody asked for, 1 s later (as a service manager would). */
  supervise = false;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
    readonly logFile: string,
    /** Extra node flags, e.g. `--inspect=127.0.0.1:PORT`. */
    private readonly nodeArgs: string[] = [],
  ) {}

  /** Whether the process is alive (it may have died on its own). */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.name} is not running`);
    return this.child.pid;
  }

  log(): string {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
  }

  /** Starts the program and waits until its log matches `ready`. */
  async start(ready: RegExp, limitMs = 90_000): Promise<void> {
    const from = this.log().length;
    const out = fs.openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', this.entry], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...this.env },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const child = this.child;
    // A death we did not ask for is logged and counted; a supervised process is started again.
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.unexpectedExits.push(signal ?? `code ${code}`);
      fs.appendFileSync(this.logFile, `\n[bench:soak] ${this.name} exited unexpectedly (${signal ?? `code ${code}`})\n`);
      if (this.supervise) setTimeout(() => this.child === child && void this.start(ready).catch((e: unknown) => console.error(e)), 1_000);
    });
    const deadline = Date.now() + limitMs;
    while (!ready.test(this.log().slice(from))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.name} exited (${child.exitCode ?? child.signalCode}); see ${this.logFile}`);
      if (Date.now() > deadline) throw new Error(`${this.name} not ready after ${limitMs / 1000} s; see ${this.logFile}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Sends `signal` and waits for the exit (SIGKILL after 10 s of waiting). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Resident and peak resident memory of a process in MB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
