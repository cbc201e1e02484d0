import { publicUrl } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { handlePagesList } from '@/app/api/v1/_lib/dispatch';

export const dynamic = 'force-dynamic';

/** GET /api/v1/pages: the one page, for clients that start by listing pages. */
export async function GET(request: Request): Promise<Response> {
  const { db, now } = await requestContext();
  return handlePagesList(request, { db, now, baseUrl: publicUrl() });
}
