import { badgeKey, servePublicKey } from '@/lib/snapshot/route-handler';

export const dynamic = 'force-dynamic';

/** /badge.svg for the page, /badge.svg?component=<id> for one component. */
export function GET(request: Request): Promise<Response> {
  return servePublicKey(request, badgeKey(new URL(request.url).searchParams.get('component')));
}

export const HEAD = GET;
