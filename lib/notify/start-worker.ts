import type { Db } from '@/lib/db/connect';
import { getEnv } from '@/lib/env';
import { onChange } from '@/lib/live/change-bus';
import { onOutboxWrite } from '@/lib/notify/wake';
import { NotificationWorker } from '@/lib/notify/worker';
import { peekShared, setShared } from '@/lib/runtime/bridge';

/**
 * Starts this process's notification worker (once): woken on every committed change and
 * subscription, polling as a fallback and for maintenance reminders.
 */
export function startNotificationWorker(db: Db): NotificationWorker {
  const running = peekShared<NotificationWorker>('notificationWorker');
  if (running) return running;
  const env = getEnv();
  const worker = new NotificationWorker({
    db,
    concurrency: env.BEACON_WORKER_CONCURRENCY,
    leaseMs: env.BEACON_WORKER_LEASE_SECONDS * 1000,
    pollMs: env.BEACON_WORKER_POLL_MS,
    expandBatch: env.BEACON_WORKER_EXPAND_BATCH,
    reminderLeadMs: env.BEACON_MAINTENANCE_REMINDER_MINUTES * 60_000,
    disableAfterMs: env.BEACON_WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
  });
  onChange(() => worker.wake());
  onOutboxWrite(() => worker.wake());
  setShared('notificationWorker', worker.start());
  return worker;
}
