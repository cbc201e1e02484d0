import type { NextRequest } from 'next/server';
import { MEMBER_COOKIE } from '@/lib/auth/member-session';
import { jsonErrorResponse } from '@/lib/http/error-response';
import { PRIVATE_FILE_HEADERS, privateFileResponse, withPrivateFileHeaders } from '@/lib/http/private-file';
import { requestContext } from '@/lib/services/context';
import { downloadIncidentFile } from '@/lib/services/download-incident-file';
import { toErrorResponse } from '@/lib/services/errors';
import { getMemberViewer } from '@/lib/services/get-member-viewer';

export const dynamic = 'force-dynamic';

/**
 * Downloads an incident file through the signed, expiring link on a member's incident page
 * (`?member=…&expires=…&signature=…`), for that member's own session only. Never a snapshot:
 * server.ts leaves every /api/ path but the public ones to Next.
 */
export async function GET(request: NextRequest, { params }: RouteContext<'/api/files/[id]'>) {
  const q = request.nextUrl.searchParams;
  const link = { fileId: (await params).id, memberId: q.get('member') ?? '', expires: q.get('expires') ?? '', signature: q.get('signature') ?? '' };
  try {
    const ctx = await requestContext();
    const viewer = await getMemberViewer(ctx.db, request.cookies.get(MEMBER_COOKIE)?.value, ctx.now());
    return privateFileResponse(await downloadIncidentFile({ ctx, link, viewer }));
  } catch (error) {
    // A member who followed the link in a browser reads a sentence, not JSON.
    if (!(request.headers.get('accept') ?? '').includes('text/html')) return withPrivateFileHeaders(jsonErrorResponse(error));
    const { status, body } = toErrorResponse(error);
    return new Response(`${body.error.message}\n`, { status, headers: { ...PRIVATE_FILE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}

/** A HEAD would count as a download; the link is for GET only. */
export function HEAD() {
  return new Response(null, { status: 405, headers: { ...PRIVATE_FILE_HEADERS, Allow: 'GET' } });
}
