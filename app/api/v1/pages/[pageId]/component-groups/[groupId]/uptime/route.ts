import { componentUptime } from '@/app/api/v1/_lib/uptime';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; groupId: string };

/** GET /pages/{page_id}/component-groups/{id}/uptime: Statuspage's ComponentGroupUptime (issue #17). */
export const GET = withManageKey<Params>(async (req) => componentUptime(req, 'group', req.params.groupId));
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
