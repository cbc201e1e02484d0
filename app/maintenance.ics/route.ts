import { servePublicKey } from '@/lib/snapshot/route-handler';

export const dynamic = 'force-dynamic';

/** /maintenance.ics, from the same builder as the snapshot. */
export function GET(request: Request): Promise<Response> {
  return servePublicKey(request, '/maintenance.ics');
}

export const HEAD = GET;
