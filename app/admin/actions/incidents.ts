'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { requireOperator } from '@/lib/auth/require-operator';
import { INCIDENT_CLASSES } from '@/lib/domain/incident-class';
import { INCIDENT_STATUSES } from '@/lib/domain/status';
import { renderMarkdown } from '@/lib/render/markdown';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { createIncident } from '@/lib/services/create-incident';
import { publishPostmortem } from '@/lib/services/publish-postmortem';
import { POSTMORTEM_VISIBILITIES } from '@/lib/domain/postmortem-visibility';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { checkbox, commaList, componentChanges, impactOverride, optionalIso, translationsFrom } from '@/app/admin/actions/form-schemas';

const CreateForm = z
  .object({
    name: z.string(),
    status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
    body: z.string().max(50_000),
    impactOverride,
    startedAt: optionalIso,
    notify: checkbox,
    incidentClass: z.preprocess((v) => (v === '' ? null : v), z.enum(INCIDENT_CLASSES).nullable()),
    regions: commaList,
    deviceTypes: commaList,
    devices: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().min(0).nullable()),
    notes: z.string().max(2000).default(''),
    visibility: z.enum(['auto', 'everyone', 'audiences']).default('auto'),
    audienceIds: z.array(z.string()).default([]),
    notifyAudiences: checkbox,
  })
  .passthrough();

/** Opens an incident from the composer, then shows it. */
export const createIncidentAction = adminAction('incident.create', CreateForm, async (data, ctx) => {
  const incident = await createIncident({
    ctx,
    input: {
      name: data.name,
      status: data.status,
      body: data.body,
      components: componentChanges(data),
      impactOverride: data.impactOverride,
      startedAt: data.startedAt,
      deliverNotifications: data.notify,
      incidentClass: data.incidentClass,
      scope: { regions: data.regions, deviceTypes: data.deviceTypes, devices: data.devices, notes: data.notes },
      translations: translationsFrom(data),
      audienceIds: data.visibility === 'auto' ? undefined : data.visibility === 'everyone' ? [] : data.audienceIds,
      // "Notify Business and Enterprise audiences now": a notice with the first message.
      notifyAudiencesAtLevel: data.notifyAudiences ? 'business' : null,
    },
  });
  redirect(`/admin/incidents/${incident.id}`);
});

const UpdateForm = z
  .object({
    incidentId: z.string(),
    status: z.enum(INCIDENT_STATUSES),
    body: z.string().max(50_000),
    impactOverride,
    notify: checkbox,
  })
  .passthrough();

/** Posts an update (status, text, component changes) on an open incident. */
export const postUpdateAction = adminAction('incident.update', UpdateForm, async (data, ctx) => {
  await addIncidentUpdate({
    ctx,
    input: {
      incidentId: data.incidentId,
      status: data.status,
      body: data.body,
      components: componentChanges(data),
      impactOverride: data.impactOverride,
      deliverNotifications: data.notify,
      translations: translationsFrom(data),
    },
  });
  return { ok: true, message: 'Update posted.' };
});

const ResolveForm = z.object({ incidentId: z.string(), body: z.string().max(50_000), notify: checkbox }).passthrough();

/** Resolves an incident; components return to operational unless a status is kept. */
export const resolveIncidentAction = adminAction('incident.resolve', ResolveForm, async (data, ctx) => {
  await resolveIncident({
    ctx,
    input: {
      incidentId: data.incidentId,
      body: data.body || 'This incident has been resolved.',
      components: componentChanges(data),
      deliverNotifications: data.notify,
    },
  });
  return { ok: true, message: 'Incident resolved.' };
});

const PostmortemForm = z.object({ incidentId: z.string(), body: z.string().max(100_000), notify: checkbox, visibility: z.enum(POSTMORTEM_VISIBILITIES).optional() });

/** Publishes the postmortem of a resolved incident. */
export const publishPostmortemAction = adminAction('postmortem.publish', PostmortemForm, async (data, ctx) => {
  await publishPostmortem({ ctx, input: { incidentId: data.incidentId, body: data.body, deliverNotifications: data.notify, visibility: data.visibility } });
  return { ok: true, message: 'Postmortem published.' };
});

/** Renders markdown exactly as the public page does, for the composer's live preview. */
export async function previewMarkdownAction(source: string): Promise<string> {
  await requireOperator('responder');
  return renderMarkdown(String(source).slice(0, 100_000));
}
