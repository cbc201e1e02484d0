/**
 * The one bridge between the two copies of Beacon's modules that run in a server process.
 *
 * Why it exists: `server.ts` loads `lib/` from source (through tsx), while Next.js loads its own
 * compiled copy of the same modules into its bundles (route handlers, server actions,
 * instrumentation). A module-level variable therefore exists twice per process: two database
 * pools, two live hubs, a worker started twice, a render secret the other copy never sees. What
 * must exist once per process is kept here instead, in one object under one global symbol
 * (`Symbol.for('beacon.process')`), which both copies reach.
 *
 * What may go in it: the process-wide instances and state listed in `SharedName` (connections,
 * event emitters, counters, secrets made at start, started jobs). Not configuration (read it with
 * `getEnv()`), not caches that may as well exist per copy, nothing per request. A new entry is
 * added to `SharedName` with a line saying who owns it; only its owner module reads or writes it.
 */
const KEY = Symbol.for('beacon.process');

/** Every entry of the bridge, with the module that owns it. */
export type SharedName =
  /** lib/db/index.ts: the database handle and its migration. */
  | 'db'
  /** lib/boot.ts: the start-up run (migrations, demo data, jobs), once per process. */
  | 'boot'
  /** lib/live/change-bus.ts: committed changes announced in this process. */
  | 'changeBus'
  /** lib/live/hub.ts: every change this instance reacts to (local and others'). */
  | 'liveHub'
  /** lib/live/start-live.ts: how this instance hears of other processes' changes. */
  | 'liveChannel'
  /** lib/live/own-versions.ts: live_version numbers this process committed itself. */
  | 'ownLiveVersions'
  /** lib/live/connection-cap.ts: live streams open, in total and per address. */
  | 'liveConnections'
  /** lib/live/instance-id.ts: this process's id in NOTIFYs and job leases. */
  | 'instanceId'
  /** lib/metrics/registry.ts: the Prometheus registry and its metrics. */
  | 'metrics'
  /** lib/snapshot/serve-node.ts: snapshot answers by kind, plain counters read on scrape. */
  | 'snapshotHits'
  /** lib/snapshot/store.ts: the snapshot store's state, for /api/health. */
  | 'snapshotState'
  /** lib/snapshot/render-secret.ts: the secret marking the server's own renders. */
  | 'renderSecret'
  /** lib/notify/link-secret.ts: the key subscriber links are derived from. */
  | 'linkSecret'
  /** lib/notify/wake.ts: workers to wake when outbox rows are committed. */
  | 'outboxWakers'
  /** lib/notify/start-worker.ts: this process's notification worker. */
  | 'notificationWorker'
  /** lib/notify/email.ts: the pooled SMTP transport. */
  | 'mailer'
  /** lib/services/job-lease.ts: the run-once jobs this process started. */
  | 'leasedJobs';

type Bridge = Partial<Record<SharedName, unknown>>;
const holder = globalThis as typeof globalThis & { [KEY]?: Bridge };
const bridge: Bridge = (holder[KEY] ??= {});

/** The process-wide value of `name`, created by `create` on first use. */
export function shared<T>(name: SharedName, create: () => T): T {
  if (!(name in bridge)) bridge[name] = create();
  return bridge[name] as T;
}

/** The process-wide value of `name`, if one was set. */
export function peekShared<T>(name: SharedName): T | undefined {
  return bridge[name] as T | undefined;
}

/** Sets (or, with undefined, forgets) the process-wide value of `name`. */
export function setShared<T>(name: SharedName, value: T | undefined): void {
  if (value === undefined) delete bridge[name];
  else bridge[name] = value;
}
