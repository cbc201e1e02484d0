'use server';

import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { INCIDENT_CLASSES } from '@/lib/domain/incident-class';
import { commaList, componentChanges, translationsFrom } from '@/app/admin/actions/form-schemas';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { deleteIncidentTemplate } from '@/lib/services/delete-incident-template';
import { updateIncidentTemplate } from '@/lib/services/update-incident-template';

const TemplateForm = z
  .object({
    name: z.string(),
    title: z.string(),
    body: z.string().max(50_000),
    status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
    incidentClass: z.preprocess((v) => (v === '' ? null : v), z.enum(INCIDENT_CLASSES).nullable()),
    regions: commaList,
    deviceTypes: commaList,
    devices: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().min(0).nullable()),
    notes: z.string().max(2000).default(''),
  })
  .passthrough();

/** The template as the services take it: the picker's statuses name its components. */
function toTemplateInput(data: z.output<typeof TemplateForm>) {
  const empty = data.regions.length === 0 && data.deviceTypes.length === 0 && data.devices === null && data.notes === '';
  return {
    name: data.name,
    title: data.title,
    body: data.body,
    status: data.status,
    incidentClass: data.incidentClass,
    scope: empty ? null : { regions: data.regions, deviceTypes: data.deviceTypes, devices: data.devices, notes: data.notes },
    componentStatuses: componentChanges(data),
    componentIds: [],
    // Always sent from the editor: emptied fields remove their translation.
    translations: translationsFrom(data) ?? {},
  };
}

/** Saves a new incident template. */
export const createTemplateAction = adminAction('template.create', TemplateForm, async (data, ctx) => {
  await createIncidentTemplate({ ctx, input: toTemplateInput(data) });
  return { ok: true, message: `Template "${data.name}" saved.` };
});

/** Edits a template. */
export const updateTemplateAction = adminAction('template.update', TemplateForm.extend({ id: z.string() }), async (data, ctx) => {
  await updateIncidentTemplate({ ctx, input: { id: data.id, ...toTemplateInput(data) } });
  return { ok: true, message: 'Template saved.' };
});

/** Deletes a template (incidents made from it are unaffected). */
export const deleteTemplateAction = adminAction('template.delete', z.object({ id: z.string() }), async (data, ctx) => {
  await deleteIncidentTemplate({ ctx, input: data });
  return { ok: true, message: 'Template deleted.' };
});
