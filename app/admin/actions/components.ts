'use server';

import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { COMPONENT_STATUSES } from '@/lib/domain/status';
import { archiveComponent } from '@/lib/services/archive-component';
import { createComponent } from '@/lib/services/create-component';
import { createGroup } from '@/lib/services/create-group';
import { moveItem } from '@/lib/services/move-component';
import { setComponentStatus } from '@/lib/services/set-component-status';
import { updateComponent } from '@/lib/services/update-component';
import { updateGroup } from '@/lib/services/update-group';
import { checkbox, optionalText, translationsFrom } from '@/app/admin/actions/form-schemas';

const groupId = z.preprocess((v) => (v === '' ? null : v), z.string().nullable());

/** Adds a group (admins shape the page). */
export const createGroupAction = adminAction('group.create', z.object({ name: z.string(), description: optionalText }), async (data, ctx) => {
  await createGroup({ ctx, input: data });
  return { ok: true, message: `Group "${data.name}" added.` };
});

/** Renames a group. */
export const updateGroupAction = adminAction('group.update', z.object({ id: z.string(), name: z.string(), description: optionalText }).passthrough(), async (data, ctx) => {
  await updateGroup({ ctx, input: { id: data.id, name: data.name, description: data.description ?? null, translations: translationsFrom(data) ?? {} } });
  return { ok: true, message: 'Group saved.' };
});

const ComponentForm = z.object({
  name: z.string(),
  description: optionalText,
  groupId,
  showcase: checkbox,
  onlyShowIfDegraded: checkbox,
});

/** Adds a component. */
export const createComponentAction = adminAction('component.create', ComponentForm, async (data, ctx) => {
  await createComponent({ ctx, input: data });
  return { ok: true, message: `Component "${data.name}" added.` };
});

/** Edits a component's name, description, group and display flags. */
export const updateComponentAction = adminAction('component.update', ComponentForm.extend({ id: z.string() }).passthrough(), async (data, ctx) => {
  const { id, name, description, groupId, showcase, onlyShowIfDegraded } = data;
  await updateComponent({
    ctx,
    input: { id, name, description: description ?? null, groupId, showcase, onlyShowIfDegraded, translations: translationsFrom(data) ?? {} },
  });
  return { ok: true, message: 'Component saved.' };
});

/** Sets a component's status directly (recorded as a status interval). */
export const setStatusAction = adminAction('component.status', z.object({ id: z.string(), status: z.enum(COMPONENT_STATUSES) }), async (data, ctx) => {
  await setComponentStatus({ ctx, input: data });
  return { ok: true, message: 'Status set.' };
});

/** Moves a component or group one place up or down. */
export const moveAction = adminAction(
  'component.move',
  z.object({ kind: z.enum(['component', 'group']), id: z.string(), direction: z.enum(['up', 'down']) }),
  async (data, ctx) => {
    await moveItem({ ctx, input: data });
    return { ok: true, message: 'Moved.' };
  },
);

/** Archives a component: gone from the page, history kept. */
export const archiveComponentAction = adminAction('component.archive', z.object({ id: z.string() }), async (data, ctx) => {
  await archiveComponent({ ctx, input: data });
  return { ok: true, message: 'Component archived; its history is kept.' };
});
