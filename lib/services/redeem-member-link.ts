import { digest, newSecret } from '@/lib/auth/tokens';
import { audiencesForDomain, listMemberRecords, setMemberships } from '@/lib/db/queries/audiences';
import { newId } from '@/lib/db/ids';
import { withTransaction } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { ValidationError } from '@/lib/services/errors';

/** A member stays signed in on a device this long (a status page is opened when something breaks, rarely). */
export const MEMBER_SESSION_MS = 180 * 24 * 60 * 60_000;

export const LINK_REFUSED = 'This sign-in link has expired or was already used. Ask for a new one.';

/**
 * Uses a sign-in link (once, within its time) and opens a device session. An address at an
 * audience's email domain becomes a member of those audiences here, on first use.
 */
export async function redeemMemberLink({
  ctx,
  token,
  userAgent = null,
}: {
  ctx: ServiceContext;
  token: string;
  userAgent?: string | null;
}): Promise<{ sessionToken: string; expiresAt: string; email: string }> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new ValidationError(LINK_REFUSED, { token: 'has expired or was already used' });
  const now = ctx.now();
  const nowIso = now.toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const link = await trx.selectFrom('member_sign_in_links').selectAll().where('id', '=', digest(token)).executeTakeFirst();
    if (!link || link.used_at || link.expires_at <= nowIso) throw new ValidationError(LINK_REFUSED, { token: 'has expired or was already used' });
    // The compare-and-set makes the link single use even when two tabs open it at once.
    const used = await trx.updateTable('member_sign_in_links').set({ used_at: nowIso }).where('id', '=', link.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new ValidationError(LINK_REFUSED, { token: 'has expired or was already used' });

    let [member] = await listMemberRecords(trx, { email: link.email });
    if (!member || member.audienceIds.length === 0) {
      const byDomain = await audiencesForDomain(trx, link.email.split('@')[1] ?? '');
      if (byDomain.length === 0) throw new ValidationError(LINK_REFUSED, { token: 'has expired or was already used' });
      if (!member) {
        const id = newId();
        await trx.insertInto('members').values({ id, email: link.email, external_login: null, created_at: nowIso, updated_at: nowIso }).execute();
        member = { id, email: link.email, external_login: null, created_at: nowIso, updated_at: nowIso, audienceIds: [] };
      }
      await setMemberships(trx, member.id, byDomain);
    }
    const sessionToken = newSecret();
    const expiresAt = new Date(now.getTime() + MEMBER_SESSION_MS).toISOString();
    await trx
      .insertInto('member_sessions')
      .values({ id: digest(sessionToken), member_id: member.id, created_at: nowIso, last_seen_at: nowIso, expires_at: expiresAt, user_agent: userAgent?.slice(0, 500) ?? null })
      .execute();
    return { sessionToken, expiresAt, email: member.email };
  });
}
