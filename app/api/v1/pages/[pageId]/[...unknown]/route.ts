import { errorJson, MESSAGES } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** Any other path under a page: Statuspage's 404 body, after the key is checked like everywhere else. */
const notFound = withManageKey<{ pageId: string; unknown: string[] }>(async () => errorJson(404, MESSAGES[404]));

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
