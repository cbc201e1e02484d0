import { NextResponse } from 'next/server';
import { readBodyWithin } from '@/lib/http/body-limit';
import { jsonErrorResponse } from '@/lib/http/error-response';
import { NOT_JSON, parseJson } from '@/lib/http/parse-body';
import { requestContext } from '@/lib/services/context';
import { BadRequestError, PayloadTooLargeError } from '@/lib/services/errors';
import { subscribe } from '@/lib/services/subscribe';
import { clientAddressOf } from '@/lib/http/client-address';
import { throttleSubscribe } from '@/lib/services/subscription-throttle';

export const dynamic = 'force-dynamic';

/**
 * POST /api/subscriptions: `{"type":"email","email":…}` answers 202 whether or not the address
 * was known; `{"type":"webhook","url":…}` answers 201 with the signing secret, shown once;
 * `{"type":"slack"|"teams"|"discord"|"google_chat"|"mattermost","url":…}` answers 201 and sends a test message.
 */
export async function POST(request: Request) {
  try {
    // A subscription is a few hundred bytes; the limit (lib/http/body-limit.ts) is counted in bytes before parsing.
    const read = await readBodyWithin(request, new URL(request.url).pathname);
    if (!read.ok) throw new PayloadTooLargeError(read.message);
    const parsed = parseJson(read.text);
    if (!parsed.ok) throw parsed.message === NOT_JSON ? new BadRequestError('The body must be JSON', 'invalid_json') : new BadRequestError(parsed.message);
    const body = parsed.value;
    const ctx = await requestContext();
    const address = typeof body === 'object' && body !== null ? String((body as Record<string, unknown>).email ?? (body as Record<string, unknown>).url ?? '') : '';
    await throttleSubscribe(ctx, clientAddressOf(request.headers), address.trim().toLowerCase());
    const result = await subscribe({ ctx, input: body as never });
    if (result.type === 'email') {
      return NextResponse.json(
        { status: 'pending', message: 'If this address can receive mail, a confirmation link is on its way. It is valid for 48 hours.' },
        { status: 202 },
      );
    }
    if (result.type === 'chat') {
      return NextResponse.json(
        {
          id: result.id,
          state: result.state,
          platform: result.platform,
          manage_url: result.manageUrl,
          message: 'A test message is on its way to the channel; the subscription is active once the channel accepts it.',
        },
        { status: 201 },
      );
    }
    return NextResponse.json(
      {
        id: result.id,
        state: result.state,
        secret: result.secret,
        manage_url: result.manageUrl,
        message: 'Keep the secret: it is shown only once. A signed subscription.verify ping is on its way; answer it with 2xx to activate.',
      },
      { status: 201 },
    );
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
