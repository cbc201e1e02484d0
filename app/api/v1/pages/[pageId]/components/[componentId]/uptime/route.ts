import { componentUptime } from '@/app/api/v1/_lib/uptime';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; componentId: string };

/** GET /pages/{page_id}/components/{component_id}/uptime: Statuspage's ComponentUptime (issue #17). */
export const GET = withManageKey<Params>(async (req) => componentUptime(req, 'component', req.params.componentId));
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
