import { CORS_HEADERS } from '@/lib/snapshot/cache-policy';
import { servePublicKey } from '@/lib/snapshot/route-handler';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ path: string[] }> };

/** The Statuspage public API v2 (the custom server answers these from its snapshot first). */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return servePublicKey(request, `/api/v2/${(await params).path.join('/')}`);
}

export const HEAD = GET;

/** CORS preflight. */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
