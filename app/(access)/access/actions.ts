'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/auth/admin-action';
import { MEMBER_COOKIE, memberCookieOptions } from '@/lib/auth/member-session';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { publicUrl } from '@/lib/env';
import { clientAddressOf } from '@/lib/http/client-address';
import { actionError } from '@/lib/http/error-response';
import { formDataOf } from '@/lib/http/form-data';
import { requestContext } from '@/lib/services/context';
import { endMemberSession } from '@/lib/services/get-member-viewer';
import { redeemMemberLink } from '@/lib/services/redeem-member-link';
import { requestMemberLink } from '@/lib/services/request-member-link';

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
