import { answerMemberChannel, bearerToken } from '@/lib/http/member-channel';
import { requestContext } from '@/lib/services/context';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ path: string[] }> };

/**
 * A member's own v2 API: the public documents' shapes with their audiences' private data, for
 * `Authorization: Bearer <member token>`. A prefix of its own, never the public URLs (README).
 */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const token = bearerToken(request.headers.get('authorization'));
  return answerMemberChannel(await requestContext(), 'v2', token, (await params).path.join('/'));
}

export const HEAD = GET;
