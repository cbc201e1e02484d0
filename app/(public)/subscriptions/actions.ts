'use server';

import { headers } from 'next/headers';
import { formDataOf } from '@/lib/http/form-data';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { requestContext } from '@/lib/services/context';
import { ServiceError, toErrorResponse } from '@/lib/services/errors';
import { subscribe, type SubscribeInput } from '@/lib/services/subscribe';
import { clientAddressOf } from '@/lib/http/client-address';
import { throttleSubscribe } from '@/lib/services/subscription-throttle';
import { unsubscribe } from '@/lib/services/unsubscribe';
import { updateSubscription } from '@/lib/services/update-subscription';

/** What was sent, so a refused form shows it again exactly (with or without JavaScript). */
export interface FormValues {
  type: 'email' | 'webhook';
  email: string;
  url: string;
  components: 'all' | 'some';
  componentIds: string[];
  events: 'all' | 'start_and_resolution';
  maintenance: boolean;
}

/** What a subscription form shows after submitting. */
export interface FormState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  secret?: string;
  manageUrl?: string;
  values?: FormValues;
  /** Counts submissions, so the form remounts with the values above as its defaults. */
  attempt?: number;
}

function valuesOf(form: FormData): FormValues {
  return {
    type: form.get('type') === 'webhook' ? 'webhook' : 'email',
    email: String(form.get('email') ?? '').trim(),
    url: String(form.get('url') ?? '').trim(),
    components: form.get('components') === 'some' ? 'some' : 'all',
    componentIds: form.getAll('component_ids[]').map(String),
    events: form.get('events') === 'start_and_resolution' ? 'start_and_resolution' : 'all',
    maintenance: form.get('maintenance') === 'on',
  };
}

function preferences(v: FormValues) {
  return { ...(v.components === 'some' && { component_ids: v.componentIds }), events: v.events, maintenance: v.maintenance };
}

/** Plain words for the subscriber: field problems are shown beside the fields, nothing raw is shown. */
function failure(error: unknown): Pick<FormState, 'error' | 'fields'> {
  const { status, body } = toErrorResponse(error);
  const fields = body.error.fields;
  if (fields && Object.keys(fields).length > 0) return { error: 'Please correct the marked fields.', fields };
  if (error instanceof ServiceError && status < 500) return { error: body.error.message };
  return { error: 'Something went wrong on our side. Please try again in a moment.' };
}

function missing(v: FormValues): Record<string, string> | undefined {
  if (v.type === 'email' && !v.email) return { email: 'is required' };
  if (v.type === 'webhook' && !v.url) return { url: 'is required' };
  if (v.components === 'some' && v.componentIds.length === 0) return { component_ids: 'choose at least one component, or all components' };
  return undefined;
}

/** The /subscribe form: email (double opt-in) or webhook (secret shown once). */
export async function subscribeAction(previous: FormState | undefined, sent: FormData): Promise<FormState> {
  const values = valuesOf(formDataOf(sent));
  // A hand-made call may send no previous state at all.
  const attempt = (previous?.attempt ?? 0) + 1;
  const fields = missing(values);
  if (fields) return { error: 'Please correct the marked fields.', fields, values, attempt };
  try {
    const ctx = await requestContext();
    await throttleSubscribe(ctx, clientAddressOf(await headers()), (values.type === 'email' ? values.email : values.url).toLowerCase());
    const input: SubscribeInput =
      values.type === 'email'
        ? { type: 'email', email: values.email, ...preferences(values) }
        : { type: 'webhook', url: values.url, ...(values.email ? { email: values.email } : {}), ...preferences(values) };
    const result = await subscribe({ ctx, input });
    if (result.type === 'email') {
      return { ok: true, attempt, message: `Check ${values.email}: if it can receive mail, a confirmation link is on its way (valid for 48 hours).` };
    }
    return {
      ok: true,
      attempt,
      message: 'Webhook registered. A signed subscription.verify ping is on its way; answer it with any 2xx to activate.',
      secret: result.secret,
      manageUrl: result.manageUrl,
    };
  } catch (error) {
    return { ...failure(error), values, attempt };
  }
}

/** The manage page's preferences form. */
export async function updateSubscriptionAction(previous: FormState | undefined, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  const values = valuesOf(form);
  const attempt = (previous?.attempt ?? 0) + 1;
  const fields = missing({ ...values, email: 'x', url: 'x' });
  if (fields) return { error: 'Please correct the marked fields.', fields, values, attempt };
  try {
    await updateSubscription({ ctx: await requestContext(), input: { token: String(form.get('token') ?? ''), ...preferences(values) } });
    return { ok: true, message: 'Your preferences are saved.', values, attempt };
  } catch (error) {
    return { ...failure(error), values, attempt };
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

/** The confirm page's button: the POST that activates an email subscription (a GET never does). */
export async function confirmAction(_previous: FormState, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  try {
    const result = await confirmSubscription({ ctx: await requestContext(), input: { token: String(form.get('token') ?? '') } });
    return { ok: true, message: `You are subscribed. Alerts will go to ${result.email}.`, manageUrl: result.manageUrl };
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return { error: 'This confirmation link is not valid. It may have been used already.' };
    return failure(error);
  }
}
