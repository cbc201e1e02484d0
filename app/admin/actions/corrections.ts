'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { correctStatusInterval } from '@/lib/services/correct-status-interval';
import { editIncident } from '@/lib/services/edit-incident';
import { editIncidentUpdate } from '@/lib/services/edit-incident-update';
import { reopenIncident } from '@/lib/services/reopen-incident';
import { withdrawIncidentUpdate } from '@/lib/services/withdraw-incident-update';
import { checkbox, componentChanges, impactOverride, optionalIso } from '@/app/admin/actions/form-schemas';

/** Redraws the console page of an incident or a maintenance (both are corrected the same way). */
function redraw(id: string) {
  revalidatePath(`/admin/incidents/${id}`);
  revalidatePath(`/admin/maintenance/${id}`);
}

const DetailsForm = z.object({
  id: z.string(),
  name: z.string(),
  impactOverride,
  componentIds: z.array(z.string()).default([]),
  startedAt: optionalIso,
  resolvedAt: optionalIso,
});

/** Corrects an incident's name, impact, affected components and times in place. */
export const editIncidentAction = adminAction('incident.update', DetailsForm, async (data, ctx) => {
  await editIncident({
    ctx,
    input: { id: data.id, name: data.name, impactOverride: data.impactOverride, componentIds: data.componentIds, startedAt: data.startedAt, resolvedAt: data.resolvedAt },
  });
  redraw(data.id);
  return { ok: true, message: 'Incident corrected.' };
});

/** Corrects the text of a posted update; the public page marks it edited. */
export const editUpdateAction = adminAction(
  'incident.update',
  z.object({ incidentId: z.string(), updateId: z.string(), body: z.string().max(50_000) }),
  async (data, ctx) => {
    await editIncidentUpdate({ ctx, input: data });
    redraw(data.incidentId);
    return { ok: true, message: 'Update corrected.' };
  },
);

/** Withdraws an update posted by mistake (kept in the audit log). */
export const withdrawUpdateAction = adminAction('incident.update', z.object({ incidentId: z.string(), updateId: z.string() }), async (data, ctx) => {
  await withdrawIncidentUpdate({ ctx, input: data });
  // The console page redraws without it (and with it under "Withdrawn updates").
  redraw(data.incidentId);
  return { ok: true, message: 'Update withdrawn.' };
});

const ReopenForm = z
  .object({ incidentId: z.string(), status: z.enum(['investigating', 'identified', 'monitoring']), body: z.string().max(50_000), notify: checkbox })
  .passthrough();

/** Reopens a resolved incident; subscribers hear of it only when "notify" is ticked. */
export const reopenIncidentAction = adminAction('incident.update', ReopenForm, async (data, ctx) => {
  await reopenIncident({
    ctx,
    input: { incidentId: data.incidentId, status: data.status, body: data.body, components: componentChanges(data), deliverNotifications: data.notify },
  });
  // Not redrawn here: the reopen form (and its confirmation) would leave the page with the resolved state.
  return { ok: true, message: 'Incident reopened.' };
});

const IntervalForm = z.object({ componentId: z.string(), intervalId: z.string(), startedAt: optionalIso, endedAt: optionalIso });

/** Corrects when a component really entered and left a status; uptime follows. */
export const correctIntervalAction = adminAction('component.status', IntervalForm, async (data, ctx) => {
  await correctStatusInterval({ ctx, input: data });
  return { ok: true, message: 'Times corrected; uptime follows.' };
});
