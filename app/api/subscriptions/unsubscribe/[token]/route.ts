import { NextResponse } from 'next/server';
import { requestContext } from '@/lib/services/context';
import { toErrorResponse } from '@/lib/services/errors';
import { unsubscribe } from '@/lib/services/unsubscribe';

export const dynamic = 'force-dynamic';

/** RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` here. */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    await unsubscribe({ ctx: await requestContext(), input: { token: (await params).token } });
    return NextResponse.json({ status: 'unsubscribed' });
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return NextResponse.json(body, { status });
  }
}

/** A person following the link lands on the page with the confirm button instead. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return NextResponse.redirect(new URL(`/subscriptions/unsubscribe/${(await params).token}`, request.url), 303);
}
