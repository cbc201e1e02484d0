'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { createAudience } from '@/lib/services/create-audience';
import { deleteAudience } from '@/lib/services/delete-audience';
import { removeMember } from '@/lib/services/remove-member';
import { updateAudience } from '@/lib/services/update-audience';

/** Domains typed one per line or separated by commas or spaces. */
const domainList = z
  .string()
  .default('')
  .transform((v) => v.split(/[\s,]+/).filter(Boolean));

const AudienceForm = z.object({
  name: z.string(),
  supportLevel: z.string(),
  emailDomains: domainList,
  componentIds: z.array(z.string()).default([]),
  groupIds: z.array(z.string()).default([]),
});

/** Creates an audience. */
export const createAudienceAction = adminAction('audience.manage', AudienceForm, async (data, ctx) => {
  const audience = await createAudience({ ctx, input: data as Parameters<typeof createAudience>[0]['input'] });
  revalidatePath('/admin/audiences');
  return { ok: true, message: `Audience ${audience.name} created.` };
});

/** Saves an audience's name, level, domains and what it may see. */
export const updateAudienceAction = adminAction('audience.manage', AudienceForm.extend({ id: z.string() }), async (data, ctx) => {
  const audience = await updateAudience({ ctx, input: data as Parameters<typeof updateAudience>[0]['input'] });
  revalidatePath('/admin/audiences');
  return { ok: true, message: `Audience ${audience.name} saved.` };
});

/** Deletes an audience; what only it could see becomes public. */
export const deleteAudienceAction = adminAction('audience.manage', z.object({ id: z.string() }), async (data, ctx) => {
  const audience = await deleteAudience({ ctx, id: data.id });
  revalidatePath('/admin/audiences');
  return { ok: true, message: `Audience ${audience.name} deleted.` };
});

/** Adds a member by email. */
export const addMemberAction = adminAction('audience.manage', z.object({ audienceId: z.string(), email: z.string() }), async (data, ctx) => {
  const member = await addAudienceMember({ ctx, input: data });
  revalidatePath('/admin/audiences');
  return { ok: true, message: `${member.email} can now sign in to the status page.` };
});

/** Removes a member; their sessions end at once. */
export const removeMemberAction = adminAction('audience.manage', z.object({ id: z.string() }), async (data, ctx) => {
  const member = await removeMember({ ctx, id: data.id });
  revalidatePath('/admin/audiences');
  return { ok: true, message: `${member.email} removed and signed out.` };
});
