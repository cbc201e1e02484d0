import { deletionVerdict, RETENTION_DAYS } from '@/lib/domain/retention';
import { forUpdate } from '@/lib/db/row-lock';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { ValidationError } from '@/lib/services/errors';
import { dropUnusedBytes } from '@/lib/services/file-storage';

const DAY_MS = 86_400_000;

/**
 * The retention job: deletes resolved incidents and completed maintenance that ended more than
 * `retentionDays` (at least 365) ago, and writes what it pruned to the audit log. Unresolved
 * items are never pruned. Returns the pruned ids. Runs from the retention job, one lease holder
 * at a time; two prunes at once still delete and audit each item once.
 */
export async function pruneHistory({ ctx, retentionDays }: { ctx: ServiceContext; retentionDays: number }): Promise<string[]> {
  if (!Number.isFinite(retentionDays) || retentionDays < RETENTION_DAYS) {
    throw new ValidationError(`Retention must be at least ${RETENTION_DAYS} days`, { retentionDays: `at least ${RETENTION_DAYS}` });
  }
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return withTransaction(ctx.db, async (trx) => {
    // Locked: a concurrent prune waits, then finds these rows gone, and audits nothing twice.
    const candidates = await forUpdate(
      trx,
      trx
        .selectFrom('incidents')
        .select(['id', 'kind', 'name', 'status', 'resolved_at', 'updated_at', 'started_at'])
        .where('status', 'in', ['resolved', 'postmortem', 'completed'])
        .where('resolved_at', '<', cutoff),
    ).execute();
    const prunable = candidates.filter((c) => deletionVerdict(c, now).allowed);
    if (prunable.length === 0) return [];
    const ids = prunable.map((c) => c.id);
    const updates = trx.selectFrom('incident_updates').select('id').where('incident_id', 'in', ids);
    await trx.deleteFrom('incident_update_components').where('update_id', 'in', updates).execute();
    await trx.deleteFrom('incident_updates').where('incident_id', 'in', ids).execute();
    await trx.deleteFrom('incident_components').where('incident_id', 'in', ids).execute();
    // Their files go with them (cascade), and the bytes of those kept in a directory once unused.
    const stored = await trx.selectFrom('incident_files').select('sha256').where('incident_id', 'in', ids).where('storage', '=', 'directory').execute();
    await trx.deleteFrom('incidents').where('id', 'in', ids).execute();
    await dropUnusedBytes(trx, stored.map((f) => f.sha256));
    await recordAudit(trx, { ...ctx, actor: ctx.actor ?? { type: 'system', id: null, name: 'retention job' } }, {
      action: 'history.prune',
      entityType: 'incident',
      entityId: null,
      before: prunable.map((c) => ({ id: c.id, kind: c.kind, name: c.name, started_at: c.started_at, resolved_at: c.resolved_at })),
      after: { retentionDays, cutoff, pruned: ids.length },
    });
    await emit(trx, { type: 'page.changed', what: 'settings' }, now);
    return ids;
  });
}
