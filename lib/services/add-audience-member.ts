import { getMemberRecord, listMemberRecords, setMemberships, type MemberRecord } from '@/lib/db/queries/audiences';
import { withTransaction } from '@/lib/db/transaction';
import { MemberEmail } from '@/lib/services/audience-schemas';
import { createMember } from '@/lib/services/create-member';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { recordAudit } from '@/lib/services/audit';
import { Id } from '@/lib/services/schemas';
import { z } from 'zod';

const AddAudienceMemberInput = z.object({ audienceId: Id, email: MemberEmail });

/** Adds an address to an audience, making it a member first when it is not one yet. */
export async function addAudienceMember({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof AddAudienceMemberInput> }): Promise<MemberRecord> {
  authorize(ctx, 'audience.manage');
  const data = parseInput(AddAudienceMemberInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const audience = await trx.selectFrom('audiences').select('id').where('id', '=', data.audienceId).executeTakeFirst();
    if (!audience) throw new NotFoundError('Audience', data.audienceId);
    const [existing] = await listMemberRecords(trx, { email: data.email });
    if (!existing) return createMember({ ctx: { ...ctx, db: trx }, input: { email: data.email, audienceIds: [data.audienceId] } });
    if (existing.audienceIds.includes(data.audienceId)) return existing;
    await setMemberships(trx, existing.id, [...existing.audienceIds, data.audienceId]);
    const after = (await getMemberRecord(trx, existing.id))!;
    await recordAudit(trx, ctx, { action: 'member.update', entityType: 'member', entityId: existing.id, before: existing, after });
    return after;
  });
}
