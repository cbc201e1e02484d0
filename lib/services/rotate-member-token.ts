import { digest, newSecret } from '@/lib/auth/tokens';
import { setChannelTokenHash } from '@/lib/db/queries/member-channels';
import { forUpdate } from '@/lib/db/row-lock';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

/**
 * Makes the member a new channel secret (their v2 API token and feed URL secret), replacing the
 * old one, which stops working with this commit. Only its SHA-256 is kept: the secret is returned
 * once, to be shown once. The caller is the signed-in member (their session names `memberId`);
 * the audit log records it as theirs, with when the old and new secrets were issued (never either).
 */
export async function rotateMemberToken({ ctx, memberId }: { ctx: ServiceContext; memberId: string }): Promise<{ token: string; createdAt: string }> {
  const id = parseInput(Id, memberId);
  const token = `bmt_${newSecret()}`;
  const createdAt = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const member = await forUpdate(trx, trx.selectFrom('members').select(['email', 'channel_token_created_at']).where('id', '=', id)).executeTakeFirst();
    if (!member || !(await setChannelTokenHash(trx, id, digest(token), createdAt))) throw new NotFoundError('Member', id);
    await recordAudit(
      trx,
      { ...ctx, actor: { type: 'member', id, name: member.email } },
      {
        action: member.channel_token_created_at ? 'member_channels.rotate' : 'member_channels.create',
        entityType: 'member',
        entityId: id,
        before: member.channel_token_created_at ? { issuedAt: member.channel_token_created_at } : undefined,
        after: { issuedAt: createdAt },
      },
    );
    return { token, createdAt };
  });
}
