import { dueTransition, type MaintenanceWindow } from '@/lib/domain/maintenance-window';
import { listByStatus } from '@/lib/db/queries/incidents';
import { forUpdate } from '@/lib/db/row-lock';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { updateMaintenance } from '@/lib/services/update-maintenance';

const MESSAGES = {
  in_progress: 'Scheduled maintenance is now in progress. We will provide updates as necessary.',
  completed: 'The scheduled maintenance has been completed.',
} as const;

/**
 * One scheduler tick: starts and completes maintenance whose window edge has passed and that
 * asked for it. Each maintenance moves in its own transaction, decided again on the row as
 * locked there, so a tick racing another (instance, or operator) never moves one twice; a
 * failure is logged and retried next tick. Returns `id:status` of each move made.
 */
export async function runMaintenanceTransitions({ ctx }: { ctx: ServiceContext }): Promise<string[]> {
  const now = ctx.now();
  const open = await listByStatus(ctx.db, 'maintenance', ['scheduled', 'in_progress', 'verifying']);
  const done: string[] = [];
  for (const m of open) {
    if (!due(m, now)) continue;
    try {
      const moved = await withTransaction(ctx.db, async (trx) => {
        const current = await forUpdate(trx, trx.selectFrom('incidents').selectAll().where('id', '=', m.id)).executeTakeFirst();
        const next = current && due(current, now);
        if (!current || !next) return undefined;
        const inner = { ...ctx, db: trx };
        // A window that passed unseen (server down) is started and completed in order.
        if (next === 'completed' && current.status === 'scheduled') {
          await updateMaintenance({ ctx: inner, input: { id: m.id, status: 'in_progress', body: MESSAGES.in_progress }, asMove: true });
        }
        await updateMaintenance({ ctx: inner, input: { id: m.id, status: next, body: MESSAGES[next] }, asMove: true });
        return next;
      });
      if (moved) done.push(`${m.id}:${moved}`);
    } catch (error) {
      console.error(`[beacon] maintenance ${m.id} could not move on`, error);
    }
  }
  return done;
}

/** The move the window asks for at `now`, if the row is an open maintenance with a window. */
function due(m: IncidentRow, now: Date): 'in_progress' | 'completed' | undefined {
  if (m.kind !== 'maintenance' || !m.scheduled_for || !m.scheduled_until) return undefined;
  const window: MaintenanceWindow = {
    status: m.status as MaintenanceWindow['status'],
    scheduledFor: m.scheduled_for,
    scheduledUntil: m.scheduled_until,
    autoStart: m.auto_start,
    autoComplete: m.auto_complete,
  };
  return dueTransition(window, now);
}
