import { NextResponse } from 'next/server';
import { publicUrl } from '@/lib/env';
import { readBodyWithin } from '@/lib/http/body-limit';
import { jsonErrorResponse } from '@/lib/http/error-response';
import { parseForm } from '@/lib/http/parse-body';
import { requestContext } from '@/lib/services/context';
import { BadRequestError, errorBody, PayloadTooLargeError } from '@/lib/services/errors';
import { Token } from '@/lib/services/subscription-schemas';
import { unsubscribe } from '@/lib/services/unsubscribe';

export const dynamic = 'force-dynamic';

/** RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` here. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    // The one-click body is `List-Unsubscribe=One-Click`; the limit (4 KB, lib/http/body-limit.ts) is counted in bytes.
    const read = await readBodyWithin(request, new URL(request.url).pathname);
    if (!read.ok) throw new PayloadTooLargeError(read.message);
    // Mail providers send `List-Unsubscribe=One-Click`; the token is the credential, so the
    // body is only read to refuse a hostile form (a multipart one is not read).
    const urlencoded = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
    const parsed = urlencoded ? parseForm(read.text) : ({ ok: true } as const);
    if (!parsed.ok) throw new BadRequestError(parsed.message);
    await unsubscribe({ ctx: await requestContext(), input: { token: (await params).token } });
    return NextResponse.json({ status: 'unsubscribed' });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}

/**
 * A person following the link lands on the page with the confirm button instead, on
 * BEACON_PUBLIC_URL (never the request's Host); only a well-formed token goes into the
 * redirect, anything else is a 404 that echoes nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = Token.safeParse((await params).token);
  if (!token.success) return NextResponse.json(errorBody('not_found', 'This unsubscribe link is not valid'), { status: 404 });
  return NextResponse.redirect(`${publicUrl()}/subscriptions/unsubscribe/${token.data}`, 303);
}
