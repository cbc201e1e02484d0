'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { MAINTENANCE_STATUSES } from '@/lib/domain/status';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { updateMaintenance } from '@/lib/services/update-maintenance';
import { checkbox, optionalIso, translationsFrom } from '@/app/admin/actions/form-schemas';

const ScheduleForm = z.object({
  name: z.string(),
  body: z.string().max(50_000),
  scheduledFor: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  scheduledUntil: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  componentIds: z.array(z.string()).default([]),
  autoStart: checkbox,
  autoComplete: checkbox,
  notify: checkbox,
})
  // The translation fields (`translations[de][body]` …) are read by translationsFrom.
  .passthrough();

/** Schedules a maintenance window. */
export const scheduleMaintenanceAction = adminAction('maintenance.create', ScheduleForm, async (data, ctx) => {
  const maintenance = await createMaintenance({
    ctx,
    input: {
      name: data.name,
      body: data.body,
      scheduledFor: data.scheduledFor,
      scheduledUntil: data.scheduledUntil,
      componentIds: data.componentIds,
      autoStart: data.autoStart,
      autoComplete: data.autoComplete,
      deliverNotifications: data.notify,
      translations: translationsFrom(data),
    },
  });
  redirect(`/admin/maintenance/${maintenance.id}`);
});

const UpdateForm = z.object({
  id: z.string(),
  status: z.enum(MAINTENANCE_STATUSES),
  body: z.string().max(50_000),
  scheduledFor: optionalIso,
  scheduledUntil: optionalIso,
  notify: checkbox,
}).passthrough();

/** Posts a maintenance update: reschedule, start, verify, complete or cancel. */
export const updateMaintenanceAction = adminAction('maintenance.update', UpdateForm, async (data, ctx) => {
  await updateMaintenance({
    ctx,
    input: {
      id: data.id,
      status: data.status,
      body: data.body,
      scheduledFor: data.scheduledFor,
      scheduledUntil: data.scheduledUntil,
      deliverNotifications: data.notify,
      translations: translationsFrom(data),
    },
  });
  return { ok: true, message: 'Maintenance updated.' };
});
