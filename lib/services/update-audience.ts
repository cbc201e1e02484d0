import { getAudienceRecord, type AudienceRecord } from '@/lib/db/queries/audiences';
import { withTransaction } from '@/lib/db/transaction';
import { AudienceFields } from '@/lib/services/audience-schemas';
import { writeAudienceLists } from '@/lib/services/audience-links';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { Id } from '@/lib/services/schemas';

/** Every field optional: a list that is sent replaces the stored one, as Statuspage clients expect. */
const UpdateAudienceInput = AudienceFields.partial().extend({ id: Id });
export type UpdateAudienceInput = Parameters<typeof UpdateAudienceInput.parse>[0];

/** Renames an audience, changes its level, domains, members or what it may see. */
export async function updateAudience({ ctx, input }: { ctx: ServiceContext; input: UpdateAudienceInput }): Promise<AudienceRecord> {
  authorize(ctx, 'audience.manage');
  const data = parseInput(UpdateAudienceInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getAudienceRecord(trx, data.id);
    if (!before) throw new NotFoundError('Audience', data.id);
    await trx
      .updateTable('audiences')
      .set({
        name: data.name ?? before.name,
        support_level: data.supportLevel ?? before.support_level,
        external_identifier: data.externalIdentifier === undefined ? before.external_identifier : data.externalIdentifier,
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', data.id)
      .execute();
    await writeAudienceLists(trx, data.id, data, data.emailDomains);
    const after = (await getAudienceRecord(trx, data.id))!;
    if (visibilityChanged(before, after)) await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now(), { alert: false });
    await recordAudit(trx, ctx, { action: 'audience.update', entityType: 'audience', entityId: data.id, before, after });
    return after;
  });
}

/** True when the audience's components or groups changed (the public page must be rebuilt). */
export function visibilityChanged(before: AudienceRecord, after: AudienceRecord): boolean {
  return before.componentIds.join() !== after.componentIds.join() || before.groupIds.join() !== after.groupIds.join();
}
