import { servePublicKey } from '@/lib/snapshot/route-handler';

export const dynamic = 'force-dynamic';

/** /history.rss, from the same builder as the snapshot. */
export function GET(request: Request): Promise<Response> {
  return servePublicKey(request, '/history.rss');
}

export const HEAD = GET;
