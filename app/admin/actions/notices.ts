'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { closeNotice } from '@/lib/services/close-notice';
import { promoteNotice } from '@/lib/services/promote-notice';
import { sendNotice } from '@/lib/services/send-notice';

const SendForm = z.object({
  title: z.string(),
  body: z.string(),
  target: z.enum(['level', 'audiences']).default('level'),
  minLevel: z.string().optional(),
  audienceIds: z.array(z.string()).default([]),
});

/** Sends a notice to a support level and up, or to the audiences ticked. */
export const sendNoticeAction = adminAction('notice.send', SendForm, async (data, ctx) => {
  const notice = await sendNotice({
    ctx,
    input:
      data.target === 'level'
        ? { title: data.title, body: data.body, minLevel: (data.minLevel || undefined) as 'business' | undefined }
        : { title: data.title, body: data.body, audienceIds: data.audienceIds },
  });
  revalidatePath('/admin/notices');
  const { delivered, failed } = notice.sent;
  const to = notice.audiences.map((a) => a.name).join(', ');
  return { ok: true, message: `Notice sent to ${to}: ${delivered} email${delivered === 1 ? '' : 's'} delivered${failed ? `, ${failed} failed` : ''}.` };
});

/** Closes an open notice. */
export const closeNoticeAction = adminAction('notice.close', z.object({ id: z.string() }), async (data, ctx) => {
  const notice = await closeNotice({ ctx, input: data });
  revalidatePath('/admin/notices');
  return { ok: true, message: `Notice “${notice.title}” closed.` };
});

/** Promotes an open notice into an incident private to its audiences, then opens that incident. */
export const promoteNoticeAction = adminAction('notice.promote', z.object({ id: z.string() }), async (data, ctx) => {
  const { incident } = await promoteNotice({ ctx, input: data });
  revalidatePath('/admin/notices');
  redirect(`/admin/incidents/${incident.id}`);
});
