'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { deleteSubscriber } from '@/lib/services/delete-subscriber';
import { Id } from '@/lib/services/schemas';

/** Removes a subscriber and its delivery history. */
export const removeSubscriberAction = adminAction('subscriber.remove', z.object({ id: Id }), async (data, ctx) => {
  await deleteSubscriber({ ctx, input: data });
  revalidatePath('/admin/subscribers');
  return { ok: true, message: 'Subscriber removed.' };
});
