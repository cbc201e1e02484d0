import { z } from 'zod';
import { digest, newSecret } from '@/lib/auth/tokens';
import { audiencesForDomain, listMemberRecords } from '@/lib/db/queries/audiences';
import { newId } from '@/lib/db/ids';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/paths';
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
 * `locale`: the language of the page the link was asked from (the page's default when not given):
 * the mail is written in it and the link opens the pages in it.
 */
export async function requestMemberLink({
  ctx,
  input,
  clientAddress = null,
  baseUrl,
  locale,
}: {
  ctx: ServiceContext;
  input: z.input<typeof RequestMemberLinkInput>;
  clientAddress?: string | null;
  baseUrl: string;
  locale?: Locale;
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
  // Unprefixed in the page's default language, as every public link; the mail in the same language.
  const defaultLocale = isLocale(settings.locale) ? settings.locale : DEFAULT_LOCALE;
  const language = locale ?? defaultLocale;
  const link = `${baseUrl}${localePath(language, '/access/verify', defaultLocale)}?token=${token}`;
  const message = renderMemberSignInEmail({ pageName: settings.name, link, validMinutes: MEMBER_LINK_MS / 60_000, messageId: `<member-link-${newId()}@${mailHost()}>`, locale: language });
  await sendEmail(ctx.db, { ...message, to: email, from: mailFrom(settings.name) }, now);
  return { link };
}

/** A member of at least one audience, or an address at an audience's email domain. */
export async function mayAskForLink(ctx: Pick<ServiceContext, 'db'>, email: string): Promise<boolean> {
  const [member] = await listMemberRecords(ctx.db, { email });
  if (member && member.audienceIds.length > 0) return true;
  return (await audiencesForDomain(ctx.db, email.split('@')[1] ?? '')).length > 0;
}
