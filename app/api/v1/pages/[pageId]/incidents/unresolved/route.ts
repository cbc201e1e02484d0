import { listIncidents } from '@/app/api/v1/_lib/incident-lists';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/incidents/unresolved. */
export const GET = listIncidents('unresolved');
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';
