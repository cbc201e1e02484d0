import { servePublicKey } from '@/lib/snapshot/route-handler';

export const dynamic = 'force-dynamic';

/** /history.atom, from the same builder as the snapshot. */
export function GET(request: Request): Promise<Response> {
  return servePublicKey(request, '/history.atom');
}

export const HEAD = GET;
