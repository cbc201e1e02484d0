import { z } from 'zod';
import { digest, newSecret } from '@/lib/auth/tokens';
import { audiencesForDomain, listMemberRecords } from '@/lib/db/queries/audiences';
import { newId } from '@/lib/db/ids';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { withTransaction } from '@/lib/db/transaction';
import { mailFrom, mailHost, sendEmail } from '@/lib/notify/email';
import { renderMemberSignInEmail } from '@/lib/notify/member-email';
import { MemberEmail } from '@/lib/services/audience-schemas';
import type { ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';
import { throttleMemberLink } from '@/lib/services/member-throttle';

/** A sign-in link works once, for this long. */
export const MEMBER_LINK_MS = 15 * 60_000;

const RequestMemberLinkInput = z.object({ email: MemberEmail });

/**
 * Sends a one-time sign-in link to a member of an audience, or to an address at one of an
 * audience's email domains (who becomes a member when the link is used). Any other address gets
 * nothing, and the caller answers the same either way; `link` is returned for tests only.
 */
export async function requestMemberLink({
  ctx,
  input,
  clientAddress = null,
  baseUrl,
}: {
  ctx: ServiceContext;
  input: z.input<typeof RequestMemberLinkInput>;
  clientAddress?: string | null;
  baseUrl: string;
}): Promise<{ link: string | null }> {
  const { email } = parseInput(RequestMemberLinkInput, input);
  await throttleMemberLink(ctx, clientAddress, email);
  if (!(await mayAskForLink(ctx, email))) return { link: null };
  const now = ctx.now();
  const token = newSecret();
  await withTransaction(ctx.db, async (trx) => {
    // One live link per address: asking again replaces the last one.
    await trx.updateTable('member_sign_in_links').set({ used_at: now.toISOString() }).where('email', '=', email).where('used_at', 'is', null).execute();
    await trx
      .insertInto('member_sign_in_links')
      .values({ id: digest(token), email, created_at: now.toISOString(), expires_at: new Date(now.getTime() + MEMBER_LINK_MS).toISOString(), used_at: null })
      .execute();
  });
  const settings = await getPageSettings(ctx.db);
  const link = `${baseUrl}/access/verify?token=${token}`;
  const message = renderMemberSignInEmail({ pageName: settings.name, link, validMinutes: MEMBER_LINK_MS / 60_000, messageId: `<member-link-${newId()}@${mailHost()}>` });
  await sendEmail(ctx.db, { ...message, to: email, from: mailFrom(settings.name) }, now);
  return { link };
}

/** A member of at least one audience, or an address at an audience's email domain. */
export async function mayAskForLink(ctx: Pick<ServiceContext, 'db'>, email: string): Promise<boolean> {
  const [member] = await listMemberRecords(ctx.db, { email });
  if (member && member.audienceIds.length > 0) return true;
  return (await audiencesForDomain(ctx.db, email.split('@')[1] ?? '')).length > 0;
}
