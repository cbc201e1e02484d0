'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/auth/admin-action';
import { currentMemberViewer, MEMBER_COOKIE, memberCookieOptions } from '@/lib/auth/member-session';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { publicUrl } from '@/lib/env';
import { clientAddressOf } from '@/lib/http/client-address';
import { actionError } from '@/lib/http/error-response';
import { formDataOf } from '@/lib/http/form-data';
import { requestContext } from '@/lib/services/context';
import { endMemberSession } from '@/lib/services/get-member-viewer';
import { redeemMemberLink } from '@/lib/services/redeem-member-link';
import { requestMemberLink } from '@/lib/services/request-member-link';
import { rotateMemberToken } from '@/lib/services/rotate-member-token';
import { memberChannelUrls } from '@/lib/services/get-member-channels';

/** The same words whether or not the address may sign in: nobody learns who is a member. */
const LINK_SENT = 'If this address may sign in, a link is on its way. It works once, for 15 minutes.';

/** Asks for a sign-in link by email. */
export async function requestLinkAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const h = await headers();
  if (!isSameOrigin(h)) return { error: 'This request did not come from this site' };
  const email = String(formDataOf(sent).get('email') ?? '').slice(0, 254);
  try {
    await requestMemberLink({ ctx: await requestContext(), input: { email }, clientAddress: clientAddressOf(h), baseUrl: publicUrl() });
  } catch (error) {
    return { ...actionError(error), values: { email } };
  }
  return { ok: true, message: LINK_SENT };
}

/** Uses the link's token (a button press, so mail scanners that open links do not spend it). */
export async function verifyLinkAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const h = await headers();
  if (!isSameOrigin(h)) return { error: 'This request did not come from this site' };
  try {
    const session = await redeemMemberLink({ ctx: await requestContext(), token: String(formDataOf(sent).get('token') ?? ''), userAgent: h.get('user-agent') });
    (await cookies()).set(MEMBER_COOKIE, session.sessionToken, memberCookieOptions(session.expiresAt));
  } catch (error) {
    return actionError(error);
  }
  redirect('/');
}

/** Signs this device out. */
export async function memberSignOutAction(): Promise<void> {
  if (!isSameOrigin(await headers())) return;
  const jar = await cookies();
  const ctx = await requestContext();
  await endMemberSession(ctx.db, jar.get(MEMBER_COOKIE)?.value);
  jar.delete(MEMBER_COOKIE);
  redirect('/access/sign-in?signedOut=1');
}

/**
 * Makes the signed-in member a new API token and feed secret (the old ones stop working at once)
 * and shows it once: only its SHA-256 is kept.
 */
export async function rotateChannelTokenAction(_state: ActionState): Promise<ActionState> {
  if (!isSameOrigin(await headers())) return { error: 'This request did not come from this site' };
  const viewer = await currentMemberViewer();
  if (!viewer) return { error: 'Your session has ended. Sign in again.' };
  try {
    const { token } = await rotateMemberToken({ ctx: await requestContext(), memberId: viewer.memberId });
    const urls = memberChannelUrls(publicUrl(), token);
    // The panel's "made on …" and its button follow; the revealed token stays in the form's state.
    revalidatePath('/access/channels');
    return {
      ok: true,
      message: 'Your new token. It is shown only this once: copy it now. Any older token and feed URL no longer works.',
      reveal: [
        { label: 'API token', value: token },
        { label: 'History (RSS)', value: urls.feeds['history.rss'] },
        { label: 'History (Atom)', value: urls.feeds['history.atom'] },
        { label: 'Maintenance calendar (ICS)', value: urls.feeds['maintenance.ics'] },
        { label: 'Try the API', value: `curl -H 'Authorization: Bearer ${token}' ${urls.api}summary.json` },
      ],
    };
  } catch (error) {
    return actionError(error);
  }
}
