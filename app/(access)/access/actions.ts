'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/auth/admin-action';
import { currentMemberViewer, MEMBER_COOKIE, memberCookieOptions } from '@/lib/auth/member-session';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { publicUrl } from '@/lib/env';
import { clientAddressOf } from '@/lib/http/client-address';
import { formDataOf } from '@/lib/http/form-data';
import { requestLocale } from '@/lib/i18n/page-locale';
import { requestPath } from '@/lib/i18n/page-prefix';
import { requestContext } from '@/lib/services/context';
import { NotFoundError, TooManyRequestsError, ValidationError } from '@/lib/services/errors';
import { endMemberSession } from '@/lib/services/get-member-viewer';
import { redeemMemberLink } from '@/lib/services/redeem-member-link';
import { MEMBER_LINK_MS, requestMemberLink } from '@/lib/services/request-member-link';
import { rotateMemberToken } from '@/lib/services/rotate-member-token';
import { memberChannelUrls } from '@/lib/services/get-member-channels';
import { setMemberAlerts } from '@/lib/services/set-member-alerts';
import type { AccessTranslator } from '@/app/(access)/access/form-texts';

/** The page's words: an action answers in the language of the URL it was posted to (proxy.ts). */
const translator = (): Promise<AccessTranslator> => getTranslations('access');

/** Why no link was sent, in the page's language (nothing raw from the server is shown). */
function linkRefusal(t: AccessTranslator, error: unknown): string {
  if (error instanceof TooManyRequestsError) return t('signIn.rateLimited', { seconds: error.retryAfterSeconds });
  if (error instanceof ValidationError) return t('signIn.invalidEmail');
  return t('errors.internal');
}

/** Asks for a sign-in link by email; the link opens in the language of the page it was asked from. */
export async function requestLinkAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const [h, t, locale] = await Promise.all([headers(), translator(), requestLocale()]);
  if (!isSameOrigin(h)) return { error: t('errors.crossOrigin') };
  const email = String(formDataOf(sent).get('email') ?? '').slice(0, 254);
  try {
    await requestMemberLink({ ctx: await requestContext(), input: { email }, clientAddress: clientAddressOf(h), baseUrl: publicUrl(), locale });
  } catch (error) {
    return { error: linkRefusal(t, error), values: { email } };
  }
  // The same words whether or not the address may sign in: nobody learns who is a member.
  return { ok: true, message: t('signIn.linkSent', { minutes: MEMBER_LINK_MS / 60_000 }) };
}

/** Uses the link's token (a button press, so mail scanners that open links do not spend it). */
export async function verifyLinkAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const [h, t] = await Promise.all([headers(), translator()]);
  if (!isSameOrigin(h)) return { error: t('errors.crossOrigin') };
  try {
    const session = await redeemMemberLink({ ctx: await requestContext(), token: String(formDataOf(sent).get('token') ?? ''), userAgent: h.get('user-agent') });
    (await cookies()).set(MEMBER_COOKIE, session.sessionToken, memberCookieOptions(session.expiresAt));
  } catch (error) {
    return { error: error instanceof ValidationError ? t('verify.refused') : t('errors.internal') };
  }
  redirect(await requestPath('/'));
}

/** Signs this device out. */
export async function memberSignOutAction(): Promise<void> {
  if (!isSameOrigin(await headers())) return;
  const jar = await cookies();
  const ctx = await requestContext();
  await endMemberSession(ctx.db, jar.get(MEMBER_COOKIE)?.value);
  jar.delete(MEMBER_COOKIE);
  redirect(await requestPath('/access/sign-in?signedOut=1'));
}

/**
 * Makes the signed-in member a new API token and feed secret (the old ones stop working at once)
 * and shows it once: only its SHA-256 is kept.
 */
export async function rotateChannelTokenAction(_state: ActionState): Promise<ActionState> {
  const [h, t] = await Promise.all([headers(), translator()]);
  if (!isSameOrigin(h)) return { error: t('errors.crossOrigin') };
  const viewer = await currentMemberViewer();
  if (!viewer) return { error: t('errors.sessionEnded') };
  try {
    const { token } = await rotateMemberToken({ ctx: await requestContext(), memberId: viewer.memberId });
    const urls = memberChannelUrls(publicUrl(), token);
    // The panel's "made on …" and its button follow; the revealed token stays in the form's state.
    revalidatePath('/access/channels');
    const shown = (label: string, value: string) => ({ label, value, copyLabel: t('form.copyNamed', { label }) });
    return {
      ok: true,
      message: t('channels.rotated'),
      reveal: [
        shown(t('channels.apiToken'), token),
        shown(t('channels.feedRss'), urls.feeds['history.rss']),
        shown(t('channels.feedAtom'), urls.feeds['history.atom']),
        shown(t('channels.feedCalendar'), urls.feeds['maintenance.ics']),
        shown(t('channels.tryApi'), `curl -H 'Authorization: Bearer ${token}' ${urls.api}summary.json`),
      ],
    };
  } catch (error) {
    // The member was removed since this page was opened.
    return { error: error instanceof NotFoundError ? t('errors.sessionEnded') : t('errors.internal') };
  }
}

/** Turns the signed-in member's email alerts on or off (the form says which). */
export async function memberAlertsAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const [h, t, locale] = await Promise.all([headers(), translator(), requestLocale()]);
  if (!isSameOrigin(h)) return { error: t('errors.crossOrigin') };
  const viewer = await currentMemberViewer();
  if (!viewer) return { error: t('errors.sessionEnded') };
  const on = formDataOf(sent).get('alerts') === 'on';
  try {
    const alerts = await setMemberAlerts({ ctx: await requestContext(), input: { memberId: viewer.memberId, on, locale } });
    revalidatePath('/access/channels');
    return { ok: true, message: alerts.on ? t('channels.alertsStarted') : t('channels.alertsStopped') };
  } catch (error) {
    return { error: error instanceof NotFoundError ? t('errors.sessionEnded') : t('errors.internal') };
  }
}
