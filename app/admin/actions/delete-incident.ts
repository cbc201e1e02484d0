'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { deleteIncident } from '@/lib/services/delete-incident';

const DeleteForm = z.object({
  id: z.string(),
  confirm: z.literal(true, { error: 'Tick the box to confirm the deletion' }),
});

/**
 * Deletes an incident or maintenance for good, where retention allows (the service refuses
 * finished items younger than 365 days with the date they may go), then shows the list.
 */
export const deleteIncidentAction = adminAction('incident.delete', DeleteForm, async (data, ctx) => {
  const deleted = await deleteIncident({ ctx, input: { id: data.id } });
  redirect(deleted.kind === 'maintenance' ? '/admin/maintenance' : '/admin/incidents');
});
