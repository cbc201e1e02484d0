import { getManageSubscriber } from '@/lib/services/get-statuspage-subscribers';
import { removeSubscriber } from '@/lib/services/remove-subscriber';
import { json } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; subscriberId: string };
const OPTIONS = { wrapper: 'subscriber' };

/** GET /pages/{page_id}/subscribers/{id}. */
export const GET = withManageKey<Params>(async (req) => json(200, await getManageSubscriber({ ctx: req.ctx, id: req.params.subscriberId })), OPTIONS);

/** DELETE (an admin's) unsubscribes; 200 with the subscriber as it was. */
export const DELETE = withManageKey<Params>(async (req) => {
  const before = await getManageSubscriber({ ctx: req.ctx, id: req.params.subscriberId });
  await removeSubscriber({ ctx: req.ctx, input: { id: req.params.subscriberId } });
  return json(200, before);
}, OPTIONS);
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT } from '@/app/api/v1/_lib/with-manage-key';
