'use server';

import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { deleteIncidentTemplate } from '@/lib/services/delete-incident-template';
import { updateIncidentTemplate } from '@/lib/services/update-incident-template';

const TemplateForm = z.object({
  name: z.string(),
  title: z.string(),
  body: z.string().max(50_000),
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
  componentIds: z.array(z.string()).default([]),
});

/** Saves a new incident template. */
export const createTemplateAction = adminAction('template.create', TemplateForm, async (data, ctx) => {
  await createIncidentTemplate({ ctx, input: data });
  return { ok: true, message: `Template "${data.name}" saved.` };
});

/** Edits a template. */
export const updateTemplateAction = adminAction('template.update', TemplateForm.extend({ id: z.string() }), async (data, ctx) => {
  await updateIncidentTemplate({ ctx, input: data });
  return { ok: true, message: 'Template saved.' };
});

/** Deletes a template (incidents made from it are unaffected). */
export const deleteTemplateAction = adminAction('template.delete', z.object({ id: z.string() }), async (data, ctx) => {
  await deleteIncidentTemplate({ ctx, input: data });
  return { ok: true, message: 'Template deleted.' };
});
