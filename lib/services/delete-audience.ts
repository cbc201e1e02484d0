import { getAudienceRecord, type AudienceRecord } from '@/lib/db/queries/audiences';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { Id } from '@/lib/services/schemas';

/**
 * Deletes an audience; its members stay (they may belong to others). What only it could see
 * becomes public again, so the public page is rebuilt.
 */
export async function deleteAudience({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<AudienceRecord> {
  authorize(ctx, 'audience.manage');
  const audienceId = parseInput(Id, id);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getAudienceRecord(trx, audienceId);
    if (!before) throw new NotFoundError('Audience', audienceId);
    // Explicit deletes, not only ON DELETE CASCADE: SQLite enforces foreign keys only when told to.
    for (const table of ['audience_components', 'audience_groups', 'audience_metrics', 'audience_members', 'audience_incidents', 'audience_email_domains'] as const) {
      await trx.deleteFrom(table).where('audience_id', '=', audienceId).execute();
    }
    await trx.deleteFrom('audiences').where('id', '=', audienceId).execute();
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now(), { alert: false });
    await recordAudit(trx, ctx, { action: 'audience.delete', entityType: 'audience', entityId: audienceId, before });
    return before;
  });
}
