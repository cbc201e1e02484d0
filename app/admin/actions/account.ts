'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE } from '@/lib/auth/require-operator';
import { endAllSessions } from '@/lib/services/get-session-operator';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { changeOperatorRole } from '@/lib/services/change-operator-role';
import { confirmTotpEnrolment, removeSecondFactor, startTotpEnrolment } from '@/lib/services/enrol-second-factor';
import { sendPasswordReset } from '@/lib/services/send-password-reset';
import { setTwoFactorPolicy } from '@/lib/services/set-two-factor-policy';
import { checkbox } from '@/app/admin/actions/form-schemas';

/** Starts setting up an authenticator app (a new secret, kept apart until confirmed), then shows its QR code. */
export const startTotpAction = adminAction(
  'account.manage',
  z.object({ step: z.literal('start', { message: 'is missing' }) }),
  async (_data, ctx, operator) => {
    await startTotpEnrolment({ ctx, operatorId: operator.id });
    redirect('/admin/account/two-factor');
  },
  { enrolling: true },
);

/** Ends every session of the signed-in operator, this one included; the form says so explicitly. */
export const signOutEverywhereAction = adminAction(
  'account.manage',
  z.object({ scope: z.literal('everywhere', { message: 'must be "everywhere"' }) }),
  async (_data, ctx, operator) => {
    await endAllSessions({ ctx, operatorId: operator.id });
    (await cookies()).delete(SESSION_COOKIE);
    redirect('/admin/login?signedOut=everywhere');
  },
  { enrolling: true },
);

/** Confirms the authenticator app with its current code; the recovery codes are shown once. */
export const confirmTotpAction = adminAction(
  'account.manage',
  z.object({ code: z.string() }),
  async (data, ctx, operator) => {
    const { recoveryCodes } = await confirmTotpEnrolment({ ctx, operatorId: operator.id, input: data });
    return {
      ok: true,
      message: 'Two-factor sign-in is on. Save these recovery codes somewhere safe now: each works once if you lose your phone, and they are not shown again.',
      list: recoveryCodes,
    };
  },
  { enrolling: true },
);

/** Turns off the signed-in operator's own second factor (refused when the page requires one). */
export const removeOwnSecondFactorAction = adminAction(
  'account.manage',
  z.object({ confirm: z.literal('turn-off', { message: 'is missing' }) }),
  async (_data, ctx, operator) => {
    await removeSecondFactor({ ctx, input: { id: operator.id } });
    revalidatePath('/admin/account');
    return { ok: true, message: 'Two-factor sign-in is off.' };
  },
);

/** An admin removes another operator's second factor (a lost phone). */
export const removeSecondFactorAction = adminAction('operator.update', z.object({ id: z.string() }), async (data, ctx) => {
  await removeSecondFactor({ ctx, input: data });
  revalidatePath('/admin/operators');
  return { ok: true, message: 'Second factor removed; they can enrol a new one after signing in.' };
});

/** An admin gives an operator another role. */
export const changeRoleAction = adminAction('operator.update', z.object({ id: z.string(), role: z.enum(['admin', 'responder']) }), async (data, ctx) => {
  const operator = await changeOperatorRole({ ctx, input: data });
  revalidatePath('/admin/operators');
  return { ok: true, message: `${operator.name} is now ${operator.role === 'admin' ? 'an admin' : 'a responder'}.` };
});

/** An admin emails an operator a one-time link to set a new password. */
export const sendPasswordResetAction = adminAction('operator.update', z.object({ id: z.string() }), async (data, ctx) => {
  const { email } = await sendPasswordReset({ ctx, input: data });
  revalidatePath('/admin/operators');
  return { ok: true, message: `A reset link is on its way to ${email}; it works once, for 30 minutes.` };
});

/** An admin requires (or stops requiring) a second factor of every operator. */
export const twoFactorPolicyAction = adminAction(
  'settings.update',
  // An unticked box sends nothing, so the form names itself: a post without it changes nothing.
  z.object({ form: z.literal('two-factor-policy', { message: 'is missing' }), required: checkbox }),
  async (data, ctx) => {
    await setTwoFactorPolicy({ ctx, input: { required: data.required } });
    revalidatePath('/admin/settings');
    return { ok: true, message: data.required ? 'Every operator now needs a second factor.' : 'A second factor is now optional.' };
  },
);
