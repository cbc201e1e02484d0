import { digest, newSecret } from '@/lib/auth/tokens';
import { setChannelTokenHash } from '@/lib/db/queries/member-channels';
import { withTransaction } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

/**
 * Makes the member a new channel secret (their v2 API token and feed URL secret), replacing the
 * old one, which stops working with this commit. Only its SHA-256 is kept: the secret is returned
 * once, to be shown once. The caller is the signed-in member (their session names `memberId`).
 */
export async function rotateMemberToken({ ctx, memberId }: { ctx: ServiceContext; memberId: string }): Promise<{ token: string; createdAt: string }> {
  const id = parseInput(Id, memberId);
  const token = `bmt_${newSecret()}`;
  const createdAt = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    if (!(await setChannelTokenHash(trx, id, digest(token), createdAt))) throw new NotFoundError('Member', id);
    return { token, createdAt };
  });
}
