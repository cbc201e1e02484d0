'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import { setComponentStatus } from '@/lib/services/set-component-status';

/** The dashboard's one-click status change for a component. */
export const quickStatusAction = adminAction(
  'component.status',
  z.object({ id: z.string(), name: z.string().max(255).optional(), status: z.enum(COMPONENT_STATUSES, { message: 'must be one of the listed statuses' }) }),
  async (data, ctx) => {
    await setComponentStatus({ ctx, input: { id: data.id, status: data.status } });
    revalidatePath('/admin');
    return { ok: true, message: `${data.name ?? 'Component'} is now ${COMPONENT_STATUS_LABEL[data.status]}.` };
  },
);
