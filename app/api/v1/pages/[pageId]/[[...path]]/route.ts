import { publicUrl } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { handleManageApi } from '@/app/api/v1/_lib/dispatch';

export const dynamic = 'force-dynamic';

/** The Statuspage-compatible management API v1; all logic is in handleManageApi. */
async function handle(request: Request, { params }: { params: Promise<{ pageId: string; path?: string[] }> }) {
  const { pageId, path } = await params;
  const { db, now } = await requestContext();
  return handleManageApi(request, { pageId, path: path ?? [] }, { db, now, baseUrl: publicUrl() });
}

export { handle as GET, handle as POST, handle as PATCH, handle as PUT, handle as DELETE };
