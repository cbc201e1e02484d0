import { answerMemberChannel } from '@/lib/http/member-channel';
import { requestContext } from '@/lib/services/context';

export const dynamic = 'force-dynamic';

/** A member's history.atom; the secret in the URL is their member token (404 once rotated or removed). */
export async function GET(_request: Request, { params }: RouteContext<'/feeds/member/[token]/history.atom'>): Promise<Response> {
  return answerMemberChannel(await requestContext(), 'feed', (await params).token, 'history.atom');
}

export const HEAD = GET;
