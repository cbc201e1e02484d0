import { answerMemberChannel } from '@/lib/http/member-channel';
import { requestContext } from '@/lib/services/context';

export const dynamic = 'force-dynamic';

/** A member's maintenance.ics; the secret in the URL is their member token (404 once rotated or removed). */
export async function GET(_request: Request, { params }: RouteContext<'/feeds/member/[token]/maintenance.ics'>): Promise<Response> {
  return answerMemberChannel(await requestContext(), 'feed', (await params).token, 'maintenance.ics');
}

export const HEAD = GET;
