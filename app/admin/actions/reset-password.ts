'use server';

import { redirect } from 'next/navigation';
import { isSameOrigin } from '@/lib/auth/same-origin';
import type { ActionState } from '@/lib/auth/admin-action';
import { formDataOf } from '@/lib/http/form-data';
import { headers } from 'next/headers';
import { requestContext } from '@/lib/services/context';
import { toErrorResponse } from '@/lib/services/errors';
import { resetPassword } from '@/lib/services/reset-password';

/** Sets a new password through a one-time link (no session needed), then sends the operator to sign in. */
export async function resetPasswordAction(_state: ActionState, sent: FormData): Promise<ActionState> {
  const form = formDataOf(sent);
  if (!isSameOrigin(await headers())) return { error: 'This request did not come from this site' };
  const password = String(form.get('password') ?? '');
  if (password !== String(form.get('repeat') ?? '')) return { error: 'The two passwords differ', fields: { repeat: 'does not match the new password' } };
  try {
    await resetPassword({ ctx: await requestContext(), input: { token: String(form.get('token') ?? ''), password } });
  } catch (error) {
    const { body } = toErrorResponse(error);
    return { error: body.error.message, fields: body.error.fields };
  }
  redirect('/admin/login?done=reset');
}
