import { z } from 'zod';
import { isValidTrustSetting } from '@/lib/http/client-address';

const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** Beacon's configuration, every variable the README lists. */
export const Env = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || 'file:./data/beacon.db')
    .refine((v) => /^(file:|postgres:\/\/|postgresql:\/\/)/.test(v), {
      message: 'DATABASE_URL must start with file:, postgres:// or postgresql://',
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BEACON_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  BEACON_DEMO: flag,
  BEACON_UPTIME_PARTIAL_WEIGHT: z.coerce.number().min(0).max(1).default(0.3),
  /** Whether time under maintenance counts as downtime in uptime figures (it does not by default). */
  BEACON_UPTIME_COUNT_MAINTENANCE: flag,
  /** Days resolved history is kept; unset keeps it forever. Never below 365. */
  BEACON_RETENTION_DAYS: z.coerce.number().int().min(365, 'BEACON_RETENTION_DAYS must be at least 365').optional(),
  /** Turns on /api/metrics, which then wants `Authorization: Bearer <token>`. */
  BEACON_METRICS_TOKEN: z.string().min(16, 'BEACON_METRICS_TOKEN must be at least 16 characters').optional(),
  BEACON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BEACON_SCHEDULER_TICK_MS: z.coerce.number().int().min(200).max(600_000).default(10_000),
  /** The key subscriber links are derived from; unset, a random one is kept in `beacon-secret` next to the data. */
  BEACON_SECRET: z.string().min(32, 'BEACON_SECRET must be at least 32 characters').optional(),
  /** The largest incident file an operator may upload, in bytes (issue #16 part 5); 20 MB by default. */
  BEACON_FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  /** Where incident files' bytes are kept (a directory, created if missing); unset, in the database. */
  BEACON_FILES_DIR: z.string().trim().min(1).optional(),
  BEACON_ADMIN_EMAIL: z.email('BEACON_ADMIN_EMAIL must be an email address').optional(),
  BEACON_ADMIN_PASSWORD: z.string().min(12, 'BEACON_ADMIN_PASSWORD must be at least 12 characters').optional(),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^smtps?:\/\//.test(v), { message: 'SMTP_URL must start with smtp:// or smtps://' }),
  MAIL_FROM: z.string().trim().min(3).optional(),
  BEACON_WORKER: z.enum(['inline', 'off']).default('inline'),
  BEACON_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(2000).default(256),
  BEACON_WORKER_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  BEACON_WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Subscribers an alert is expanded to per transaction (smaller: shorter write locks). */
  BEACON_WORKER_EXPAND_BATCH: z.coerce.number().int().min(10).max(50_000).default(2000),
  /** Processes `npm run worker` runs on PostgreSQL (they share the outbox); unset: one per CPU core. SQLite runs one. */
  BEACON_WORKER_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  BEACON_ALLOW_PRIVATE_WEBHOOKS: flag,
  BEACON_MAINTENANCE_REMINDER_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  BEACON_WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().min(1).max(10_000).default(120),
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDRs, loopback, linklocal, uniquelocal); none by default. */
  BEACON_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? '')
    .refine(isValidTrustSetting, { message: 'BEACON_TRUSTED_PROXIES must be comma-separated addresses or CIDRs, or loopback, linklocal, uniquelocal' }),
  BEACON_LIVE_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  BEACON_LIVE_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Upstream pages (components following another status page) are read at most this often. */
  BEACON_UPSTREAM_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How long an upstream may go unread before its followers say their status is unknown. */
  BEACON_UPSTREAM_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
});
export type Env = z.infer<typeof Env>;

let cached: Env | undefined;

/** Parses process.env once; a bad value stops the process with the variable named. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** The canonical base URL for absolute links, without a trailing slash. */
export function publicUrl(): string {
  const env = getEnv();
  return (env.BEACON_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
}
