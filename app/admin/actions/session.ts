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
import { toErrorResponse } from '@/lib/services/errors';
import { endSession } from '@/lib/services/get-session-operator';
import { KNOWN_DEVICE_MS } from '@/lib/services/known-devices';
import { signIn } from '@/lib/services/sign-in';

/** This browser's known-device token: set at each successful sign-in, so failures elsewhere never lock it out. */
const DEVICE_COOKIE = 'beacon_device';

/** Signs in and sets the session cookie (httpOnly, SameSite=Lax, Secure on https). */
export async function signInAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const form = formDataOf(sent);
  const h = await headers();
  if (!isSameOrigin(h)) return { error: 'This request did not come from this site' };
  const jar = await cookies();
  const secure = publicUrl().startsWith('https://');
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
    jar.set(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(result.expiresAt) });
    jar.set(DEVICE_COOKIE, result.deviceToken, { httpOnly: true, sameSite: 'lax', secure, path: '/admin', maxAge: KNOWN_DEVICE_MS / 1000 });
  } catch (error) {
    const { body } = toErrorResponse(error);
    return { error: body.error.message };
  }
  redirect('/admin');
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
