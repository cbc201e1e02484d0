'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { retryNotification } from '@/lib/services/admin-deliveries';
import { Id } from '@/lib/services/schemas';

/** Gives a dead alert one more attempt. */
export const retryDeliveryAction = adminAction('delivery.retry', z.object({ id: Id }), async (data, ctx) => {
  await retryNotification({ ctx, input: data });
  revalidatePath('/admin/deliveries');
  return { ok: true, message: 'Queued for another attempt.' };
});
