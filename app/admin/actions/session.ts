'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE } from '@/lib/auth/require-operator';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { clientAddressOf } from '@/lib/http/client-address';
import { formDataOf } from '@/lib/http/form-data';
import type { ActionState } from '@/lib/auth/admin-action';
import { publicUrl } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { actionError } from '@/lib/http/error-response';
import { toErrorResponse } from '@/lib/services/errors';
import { endSession } from '@/lib/services/get-session-operator';
import { KNOWN_DEVICE_MS } from '@/lib/services/known-devices';
import { completeSignIn } from '@/lib/services/complete-sign-in';
import { SecondFactorRequiredError, signIn } from '@/lib/services/sign-in';
import type { OpenedSession } from '@/lib/services/open-session';

/** This browser's known-device token: set at each successful sign-in, so failures elsewhere never lock it out. */
const DEVICE_COOKIE = 'beacon_device';
/** A sign-in whose password was right, waiting for the second factor (five minutes at most). */
const CHALLENGE_COOKIE = 'beacon_challenge';

/** Sets the session and known-device cookies of a completed sign-in. */
async function setSessionCookies(result: OpenedSession) {
  const jar = await cookies();
  const secure = publicUrl().startsWith('https://');
  jar.set(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(result.expiresAt) });
  jar.set(DEVICE_COOKIE, result.deviceToken, { httpOnly: true, sameSite: 'lax', secure, path: '/admin', maxAge: KNOWN_DEVICE_MS / 1000 });
}

/** Signs in and sets the session cookie (httpOnly, SameSite=Lax, Secure on https). */
export async function signInAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const form = formDataOf(sent);
  const h = await headers();
  if (!isSameOrigin(h)) return { error: 'This request did not come from this site' };
  const jar = await cookies();
  const secure = publicUrl().startsWith('https://');
  const email = String(form.get('email') ?? '').slice(0, 254);
  try {
    const result = await signIn({
      ctx: await requestContext(),
      input: {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        ip: clientAddressOf(h),
        userAgent: h.get('user-agent'),
        deviceToken: jar.get(DEVICE_COOKIE)?.value,
      },
    });
    await setSessionCookies(result);
  } catch (error) {
    if (error instanceof SecondFactorRequiredError) {
      jar.set(CHALLENGE_COOKIE, error.challengeToken, { httpOnly: true, sameSite: 'strict', secure, path: '/admin', expires: new Date(error.expiresAt) });
      redirect('/admin/login/code');
    }
    return { ...actionError(error), values: { email } };
  }
  redirect('/admin');
}

/** The second step of signing in: the authenticator code or a recovery code. */
export async function secondFactorAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const form = formDataOf(sent);
  if (!isSameOrigin(await headers())) return { error: 'This request did not come from this site' };
  const jar = await cookies();
  let usedRecoveryCode = false;
  try {
    const result = await completeSignIn({
      ctx: await requestContext(),
      input: { challengeToken: jar.get(CHALLENGE_COOKIE)?.value, code: String(form.get('code') ?? ''), deviceToken: jar.get(DEVICE_COOKIE)?.value },
    });
    usedRecoveryCode = result.usedRecoveryCode;
    await setSessionCookies(result);
    jar.delete(CHALLENGE_COOKIE);
  } catch (error) {
    const { body } = toErrorResponse(error);
    if (body.error.code === 'challenge_expired') jar.delete(CHALLENGE_COOKIE);
    return { error: body.error.message, fields: body.error.code === 'invalid_input' ? body.error.fields : undefined };
  }
  // A recovery code was spent: show how many are left and offer new ones.
  redirect(usedRecoveryCode ? '/admin/account?recovery=used' : '/admin');
}

/** Ends this browser's session. */
export async function signOutAction(): Promise<void> {
  const h = await headers();
  if (!isSameOrigin(h)) return;
  const jar = await cookies();
  await endSession({ ctx: await requestContext(), token: jar.get(SESSION_COOKIE)?.value });
  jar.delete(SESSION_COOKIE);
  redirect('/admin/login');
}
