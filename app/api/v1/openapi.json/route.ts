import { buildManageOpenApi } from '@/lib/domain/statuspage-manage/openapi';
import { publicUrl } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** The OpenAPI 3.1 document of the management API; public, as the API's shape is no secret. */
export function GET(): Response {
  return Response.json(buildManageOpenApi(publicUrl()), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
