import { newId } from '@/lib/db/ids';
import { getAudienceRecord, type AudienceRecord } from '@/lib/db/queries/audiences';
import { withTransaction } from '@/lib/db/transaction';
import { AudienceFields } from '@/lib/services/audience-schemas';
import { writeAudienceLists } from '@/lib/services/audience-links';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';

/** Creates an audience with what it may see and who belongs to it. */
export async function createAudience({ ctx, input }: { ctx: ServiceContext; input: AudienceFields }): Promise<AudienceRecord> {
  authorize(ctx, 'audience.manage');
  const data = parseInput(AudienceFields, input);
  const at = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const id = newId();
    await trx
      .insertInto('audiences')
      .values({ id, name: data.name, support_level: data.supportLevel ?? 'standard', external_identifier: data.externalIdentifier ?? null, created_at: at, updated_at: at })
      .execute();
    await writeAudienceLists(trx, id, data, data.emailDomains);
    const record = (await getAudienceRecord(trx, id))!;
    // What the public page shows changes when components become private.
    if (record.componentIds.length + record.groupIds.length > 0) await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now(), { alert: false });
    await recordAudit(trx, ctx, { action: 'audience.create', entityType: 'audience', entityId: id, after: record });
    return record;
  });
}
