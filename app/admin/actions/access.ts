'use server';

import type { Locale } from '@/lib/i18n/locales';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { createApiKey } from '@/lib/services/create-api-key';
import { createOperator } from '@/lib/services/create-operator';
import { updatePageSettings } from '@/lib/services/page-settings';
import { removeOperator } from '@/lib/services/remove-operator';
import { revokeApiKey } from '@/lib/services/revoke-api-key';
import { optionalText } from '@/app/admin/actions/form-schemas';

/** Makes an API key owned by the signed-in admin; the key is shown once. */
export const createApiKeyAction = adminAction('api_key.create', z.object({ name: z.string() }), async (data, ctx, operator) => {
  const { key } = await createApiKey({ ctx, input: { name: data.name, operatorId: operator.id } });
  return { ok: true, message: `Copy this key now; it is not shown again: ${key}` };
});

/** Revokes an API key at once. */
export const revokeApiKeyAction = adminAction('api_key.revoke', z.object({ id: z.string() }), async (data, ctx) => {
  await revokeApiKey({ ctx, input: data });
  return { ok: true, message: 'Key revoked.' };
});

/** Adds an operator. */
export const createOperatorAction = adminAction(
  'operator.create',
  z.object({ email: z.string(), name: z.string(), role: z.enum(['admin', 'responder']), password: z.string() }),
  async (data, ctx) => {
    const operator = await createOperator({ ctx, input: data });
    revalidatePath('/admin/operators');
    return { ok: true, message: `${operator.email} can now sign in as ${operator.role}.` };
  },
);

/** Removes an operator; their sessions end and their API keys are revoked. */
export const removeOperatorAction = adminAction('operator.remove', z.object({ id: z.string() }), async (data, ctx, operator) => {
  if (data.id === operator.id) return { error: 'You cannot remove yourself; ask another admin.' };
  await removeOperator({ ctx, input: data });
  revalidatePath('/admin/operators');
  return { ok: true, message: 'Operator removed.' };
});

/** Saves the page's name, canonical URL, time zone, default language and logo. */
export const updateSettingsAction = adminAction(
  'settings.update',
  z.object({ name: z.string(), url: optionalText, timeZone: z.string(), locale: optionalText, logoUrl: optionalText }),
  async (data, ctx) => {
    await updatePageSettings({
      ctx,
      input: { name: data.name, url: data.url ?? null, timeZone: data.timeZone, locale: data.locale as Locale | undefined, logoUrl: data.logoUrl ?? null },
    });
    return { ok: true, message: 'Settings saved.' };
  },
);
