import { listIncidents } from '@/app/api/v1/_lib/incident-lists';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/incidents/active_maintenance. */
export const GET = listIncidents('active_maintenance');
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
