'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { deleteIncidentFile } from '@/lib/services/delete-incident-file';
import { setIncidentFileAudiences } from '@/lib/services/set-incident-file-audiences';

const FileForm = z.object({ fileId: z.string(), incidentId: z.string() });

/** Changes which audiences may download a file. */
export const setIncidentFileAudiencesAction = adminAction('incident.update', FileForm.extend({ audienceIds: z.array(z.string()).default([]) }), async (data, ctx) => {
  const file = await setIncidentFileAudiences({ ctx, fileId: data.fileId, audienceIds: data.audienceIds });
  revalidatePath(`/admin/incidents/${data.incidentId}`);
  return { ok: true, message: `${file.name} is now for ${file.audiences.map((a) => a.name).join(', ')}.` };
});

/** Deletes a file; links already on members' pages stop working. */
export const deleteIncidentFileAction = adminAction('incident.update', FileForm, async (data, ctx) => {
  const file = await deleteIncidentFile({ ctx, fileId: data.fileId });
  revalidatePath(`/admin/incidents/${data.incidentId}`);
  return { ok: true, message: `${file.name} deleted.` };
});
