'use server';

import { z } from 'zod';
import { adminAction } from '@/lib/auth/admin-action';
import { followUpstream, unfollowUpstream } from '@/lib/services/follow-upstream';
import { checkbox } from '@/app/admin/actions/form-schemas';

/** Makes a component follow a component of another status page. */
export const followUpstreamAction = adminAction(
  'component.update',
  z.object({ id: z.string(), url: z.string(), upstreamComponentId: z.string(), notifySubscribers: checkbox }),
  async (data, ctx) => {
    const row = await followUpstream({ ctx, input: data });
    return { ok: true, message: `Now following ${row.upstream_component_name} on ${row.page_name}.` };
  },
);

/** Stops following: the component keeps its last status and is set by hand again. */
export const unfollowUpstreamAction = adminAction('component.update', z.object({ id: z.string() }), async (data, ctx) => {
  await unfollowUpstream({ ctx, input: data });
  return { ok: true, message: 'No longer following a third-party page.' };
});
