import { answerMemberChannel } from '@/lib/http/member-channel';
import { requestContext } from '@/lib/services/context';

export const dynamic = 'force-dynamic';

/** A member's RSS, Atom or ICS feed; the secret in the URL is their member token (404 once rotated or removed). */
export async function GET(_request: Request, { params }: RouteContext<'/feeds/member/[token]/[file]'>): Promise<Response> {
  const { token, file } = await params;
  return answerMemberChannel(await requestContext(), 'feed', token, file);
}

export const HEAD = GET;
