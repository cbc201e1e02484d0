import { listSubscribers } from '@/app/api/v1/_lib/subscriber-list';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/subscribers/unsubscribed. */
export const GET = listSubscribers('unsubscribed');
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
