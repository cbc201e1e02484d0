import { dueTransition } from '@/lib/domain/maintenance-window';
import { listByStatus } from '@/lib/db/queries/incidents';
import type { ServiceContext } from '@/lib/services/context';
import { updateMaintenance } from '@/lib/services/update-maintenance';

const MESSAGES = {
  in_progress: 'Scheduled maintenance is now in progress. We will provide updates as necessary.',
  completed: 'The scheduled maintenance has been completed.',
} as const;

/**
 * One scheduler tick: starts and completes maintenance whose window edge has passed and that
 * asked for it. Each transition is its own transaction; a failure is logged and retried next tick.
 */
export async function runMaintenanceTransitions({ ctx }: { ctx: ServiceContext }): Promise<string[]> {
  const now = ctx.now();
  const open = await listByStatus(ctx.db, 'maintenance', ['scheduled', 'in_progress', 'verifying']);
  const done: string[] = [];
  for (const m of open) {
    if (!m.scheduled_for || !m.scheduled_until) continue;
    const next = dueTransition(
      {
        status: m.status as 'scheduled',
        scheduledFor: m.scheduled_for,
        scheduledUntil: m.scheduled_until,
        autoStart: m.auto_start,
        autoComplete: m.auto_complete,
      },
      now,
    );
    if (!next) continue;
    try {
      // A window that passed unseen (server down) is started and completed in order.
      if (next === 'completed' && m.status === 'scheduled') {
        await updateMaintenance({ ctx, input: { id: m.id, status: 'in_progress', body: MESSAGES.in_progress } });
      }
      await updateMaintenance({ ctx, input: { id: m.id, status: next, body: MESSAGES[next] } });
      done.push(`${m.id}:${next}`);
    } catch (error) {
      console.error(`[beacon] maintenance ${m.id} could not move to ${next}`, error);
    }
  }
  return done;
}
