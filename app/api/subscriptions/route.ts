import { NextResponse } from 'next/server';
import { NOT_JSON, parseJson } from '@/lib/http/parse-body';
import { requestContext } from '@/lib/services/context';
import { toErrorResponse } from '@/lib/services/errors';
import { subscribe } from '@/lib/services/subscribe';
import { clientAddressOf } from '@/lib/http/client-address';
import { TooManyRequestsError, throttleSubscribe } from '@/lib/services/subscription-throttle';

export const dynamic = 'force-dynamic';

const MAX_BODY = 16 * 1024;

const tooLarge = () =>
  NextResponse.json({ error: { code: 'payload_too_large', message: 'The body must be at most 16 KB' } }, { status: 413 });

/**
 * POST /api/subscriptions: `{"type":"email","email":…}` answers 202 whether or not the address
 * was known; `{"type":"webhook","url":…}` answers 201 with the signing secret, shown once.
 */
export async function POST(request: Request) {
  // A subscription is a few hundred bytes; refuse anything far bigger before parsing it.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) return tooLarge();
  const text = await request.text();
  if (text.length > MAX_BODY) return tooLarge();
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const message = parsed.message === NOT_JSON ? 'The body must be JSON' : parsed.message;
    return NextResponse.json({ error: { code: parsed.message === NOT_JSON ? 'invalid_json' : 'invalid_body', message } }, { status: 400 });
  }
  const body = parsed.value;
  try {
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
    const { status, body: errorBody } = toErrorResponse(error);
    const init: ResponseInit = { status };
    if (error instanceof TooManyRequestsError) init.headers = { 'Retry-After': String(error.retryAfterSeconds) };
    return NextResponse.json(errorBody, init);
  }
}
