'use server';

import { headers } from 'next/headers';
import { formDataOf } from '@/lib/http/form-data';
import { requestContext } from '@/lib/services/context';
import { toErrorResponse } from '@/lib/services/errors';
import { subscribe, type SubscribeInput } from '@/lib/services/subscribe';
import { clientIpOf, throttleSubscribe } from '@/lib/services/subscription-throttle';
import { unsubscribe } from '@/lib/services/unsubscribe';
import { updateSubscription } from '@/lib/services/update-subscription';

/** What a subscription form shows after submitting. */
export interface FormState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  secret?: string;
  manageUrl?: string;
  /** What was typed, so a refused form keeps it. */
  values?: { email?: string; url?: string };
}

function preferences(form: FormData) {
  const all = form.get('all_components') === 'on';
  return {
    component_ids: all ? [] : form.getAll('component_ids[]').map(String),
    events: String(form.get('events') ?? 'all') as 'all' | 'start_and_resolution',
    maintenance: form.get('maintenance') === 'on',
  };
}

function failure(error: unknown): FormState {
  const { body } = toErrorResponse(error);
  return { error: body.error.message, fields: body.error.fields };
}

/** The /subscribe form: email (double opt-in) or webhook (secret shown once). */
export async function subscribeAction(_previous: FormState, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  const type = form.get('type') === 'webhook' ? 'webhook' : 'email';
  const email = String(form.get('email') ?? '').trim();
  const url = String(form.get('url') ?? '').trim();
  const values = { email, url };
  if (type === 'email' && !email) return { error: 'Enter your email address', fields: { email: 'is required' }, values };
  if (type === 'webhook' && !url) return { error: 'Enter the URL of your endpoint', fields: { url: 'is required' }, values };
  try {
    const ctx = await requestContext();
    const ip = clientIpOf(await headers());
    throttleSubscribe(ip, (type === 'email' ? email : url).toLowerCase(), ctx.now());
    const input: SubscribeInput =
      type === 'email'
        ? { type: 'email', email, ...preferences(form) }
        : { type: 'webhook', url, ...(email ? { email } : {}), ...preferences(form) };
    const result = await subscribe({ ctx, input });
    if (result.type === 'email') {
      return { ok: true, message: `Check ${email}: if it can receive mail, a confirmation link is on its way (valid for 48 hours).` };
    }
    return {
      ok: true,
      message: 'Webhook registered. A signed subscription.verify ping is on its way; answer it with any 2xx to activate.',
      secret: result.secret,
      manageUrl: result.manageUrl,
    };
  } catch (error) {
    return { ...failure(error), values };
  }
}

/** The manage page's preferences form. */
export async function updateSubscriptionAction(_previous: FormState, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  try {
    await updateSubscription({ ctx: await requestContext(), input: { token: String(form.get('token') ?? ''), ...preferences(form) } });
    return { ok: true, message: 'Your preferences are saved.' };
  } catch (error) {
    return failure(error);
  }
}

/** The unsubscribe button (manage and unsubscribe pages). */
export async function unsubscribeAction(_previous: FormState, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  try {
    await unsubscribe({ ctx: await requestContext(), input: { token: String(form.get('token') ?? '') } });
    return { ok: true, message: 'You are unsubscribed. No more alerts will be sent.' };
  } catch (error) {
    return failure(error);
  }
}
