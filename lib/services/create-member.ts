import { newId } from '@/lib/db/ids';
import { getMemberRecord, setMemberships, type MemberRecord } from '@/lib/db/queries/audiences';
import { withTransaction } from '@/lib/db/transaction';
import { checkMemberAudiences } from '@/lib/services/update-member';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, parseInput } from '@/lib/services/errors';
import { MemberFields } from '@/lib/services/member-schemas';

/** Adds someone who may sign in to the status page; 409 when the address is already a member. */
export async function createMember({ ctx, input }: { ctx: ServiceContext; input: MemberFields }): Promise<MemberRecord> {
  authorize(ctx, 'audience.manage');
  const data = parseInput(MemberFields, input);
  return withTransaction(ctx.db, async (trx) => {
    const taken = await trx.selectFrom('members').select('id').where('email', '=', data.email).executeTakeFirst();
    if (taken) throw new ConflictError(`email: ${data.email} is already a member`, { email: 'is already a member' });
    if (data.audienceIds) await checkMemberAudiences(trx, data.audienceIds);
    const at = ctx.now().toISOString();
    const id = newId();
    await trx.insertInto('members').values({ id, email: data.email, external_login: data.externalLogin ?? null, created_at: at, updated_at: at }).execute();
    await setMemberships(trx, id, data.audienceIds ?? []);
    const record = (await getMemberRecord(trx, id))!;
    await recordAudit(trx, ctx, { action: 'member.create', entityType: 'member', entityId: id, after: record });
    return record;
  });
}
