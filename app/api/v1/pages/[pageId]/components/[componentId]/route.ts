import { ComponentBody, toUpdateComponentInput } from '@/lib/domain/statuspage-manage/requests';
import { archiveComponent } from '@/lib/services/archive-component';
import { followUpstream, unfollowUpstream } from '@/lib/services/follow-upstream';
import { getManageComponent } from '@/lib/services/get-statuspage-resources';
import { updateComponent } from '@/lib/services/update-component';
import { json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; componentId: string };
const OPTIONS = { wrapper: 'component' };

/** GET /pages/{page_id}/components/{component_id}. */
export const GET = withManageKey<Params>(async (req) => json(200, await getManageComponent({ ctx: req.ctx, id: req.params.componentId, pageId: req.pageId })), OPTIONS);

/** PATCH (or PUT): a responder may set the status; anything else is an admin's (the services decide). */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped(req, 'component', ComponentBody);
  if (!body.ok) return body.response;
  const { upstream, ...rest } = body.value;
  if (upstream === undefined || Object.values(rest).some((v) => v !== undefined)) {
    await updateComponent({ ctx: req.ctx, input: toUpdateComponentInput(req.params.componentId, rest) });
  }
  // Beacon extension: `upstream` follows another page's component (validated by reading it), null stops.
  if (upstream === null) await unfollowUpstream({ ctx: req.ctx, input: { id: req.params.componentId } });
  if (upstream) {
    const input = { id: req.params.componentId, url: upstream.url, upstreamComponentId: upstream.component_id, notifySubscribers: upstream.notify_subscribers ?? false };
    await followUpstream({ ctx: req.ctx, input });
  }
  return json(200, await getManageComponent({ ctx: req.ctx, id: req.params.componentId, pageId: req.pageId }));
}, OPTIONS);
export const PUT = PATCH;

/** DELETE: archives the component (its history stays); 204. */
export const DELETE = withManageKey<Params>(async (req) => {
  await archiveComponent({ ctx: req.ctx, input: { id: req.params.componentId } });
  return new Response(null, { status: 204 });
}, OPTIONS);
export { methodNotAllowed as POST } from '@/app/api/v1/_lib/with-manage-key';
