import { NextResponse } from 'next/server';
import { publicUrl } from '@/lib/env';
import { parseForm } from '@/lib/http/parse-body';
import { requestContext } from '@/lib/services/context';
import { toErrorResponse } from '@/lib/services/errors';
import { Token } from '@/lib/services/subscription-schemas';
import { unsubscribe } from '@/lib/services/unsubscribe';

export const dynamic = 'force-dynamic';

/** RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` here. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  // The one-click body is `List-Unsubscribe=One-Click`; nothing larger is expected.
  const body = await request.text();
  if (body.length > 4096) {
    return NextResponse.json({ error: { code: 'payload_too_large', message: 'The body must be at most 4 KB' } }, { status: 413 });
  }
  // Mail providers send `List-Unsubscribe=One-Click`; the token is the credential, so the
  // body is only read to refuse a hostile form (a multipart one is not read).
  const urlencoded = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const parsed = urlencoded ? parseForm(body) : ({ ok: true } as const);
  if (!parsed.ok) return NextResponse.json({ error: { code: 'invalid_body', message: parsed.message } }, { status: 400 });
  try {
    await unsubscribe({ ctx: await requestContext(), input: { token: (await params).token } });
    return NextResponse.json({ status: 'unsubscribed' });
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return NextResponse.json(body, { status });
  }
}

/**
 * A person following the link lands on the page with the confirm button instead, on
 * BEACON_PUBLIC_URL (never the request's Host); only a well-formed token goes into the
 * redirect, anything else is a 404 that echoes nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = Token.safeParse((await params).token);
  if (!token.success) {
    return NextResponse.json({ error: { code: 'not_found', message: 'This unsubscribe link is not valid' } }, { status: 404 });
  }
  return NextResponse.redirect(`${publicUrl()}/subscriptions/unsubscribe/${token.data}`, 303);
}
