import { SubscriberBody, toAddSubscriberInput } from '@/lib/domain/statuspage-manage/requests';
import { toManageSubscriber } from '@/lib/domain/statuspage-manage/shapes';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { listSubscribers } from '@/app/api/v1/_lib/subscriber-list';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/subscribers. */
export const GET = listSubscribers();

/** POST /pages/{page_id}/subscribers (an admin's): 201; a webhook's signing secret is added once, as `secret`. */
export const POST = withManageKey(
  async (req) => {
    const body = readWrapped(req, 'subscriber', SubscriberBody);
    if (!body.ok) return body.response;
    const input = toAddSubscriberInput(body.value);
    if (!input) return errorJson(422, 'subscriber.phone_number SMS subscribers are not supported', { 'subscriber.phone_number': 'SMS subscribers are not supported' });
    const { subscriber, secret } = await addSubscriber({ ctx: req.ctx, input });
    const shaped = toManageSubscriber(subscriber, input.componentIds ?? []);
    return json(201, secret ? { ...shaped, secret } : shaped);
  },
  { wrapper: 'subscriber' },
);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
