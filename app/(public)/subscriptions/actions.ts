'use server';

import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { localFailure, localFields, type SubscriptionTranslator } from '@/app/(public)/subscriptions/action-errors';
import { CHAT_PLATFORMS, CHAT_PLATFORM_LABEL, type ChatPlatform } from '@/lib/domain/chat/alert';
import { formDataOf } from '@/lib/http/form-data';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { requestContext } from '@/lib/services/context';
import { localePath, splitLocale } from '@/lib/i18n/paths';
import { pageLanguage } from '@/lib/i18n/page-request';
import { subscribe, type SubscribeInput } from '@/lib/services/subscribe';
import { currentMemberViewer } from '@/lib/auth/member-session';
import { clientAddressOf } from '@/lib/http/client-address';
import { throttleSubscribe } from '@/lib/services/subscription-throttle';
import { unsubscribe } from '@/lib/services/unsubscribe';
import { updateSubscription } from '@/lib/services/update-subscription';

/** What was sent, so a refused form shows it again exactly (with or without JavaScript). */
export interface FormValues {
  type: 'email' | 'webhook' | ChatPlatform;
  email: string;
  url: string;
  components: 'all' | 'some';
  componentIds: string[];
  events: 'all' | 'start_and_resolution';
  maintenance: boolean;
  /** Issue #15: the language and zone of the emails, as sent (empty when the form had none). */
  locale: string;
  timeZone: string;
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

const TYPES: readonly FormValues['type'][] = ['email', 'webhook', ...CHAT_PLATFORMS];

function valuesOf(form: FormData): FormValues {
  const type = TYPES.find((t) => t === form.get('type')) ?? 'email';
  return {
    type,
    email: String(form.get('email') ?? '').trim(),
    url: String(form.get('url') ?? '').trim(),
    components: form.get('components') === 'some' ? 'some' : 'all',
    componentIds: form.getAll('component_ids[]').map(String),
    events: form.get('events') === 'start_and_resolution' ? 'start_and_resolution' : 'all',
    maintenance: form.get('maintenance') === 'on',
    locale: String(form.get('locale') ?? '').trim(),
    timeZone: String(form.get('time_zone') ?? '').trim(),
  };
}

function preferences(v: FormValues) {
  return {
    ...(v.components === 'some' && { component_ids: v.componentIds }),
    events: v.events,
    maintenance: v.maintenance,
    // Sent as given, so a value the service refuses comes back named beside its field.
    ...(v.locale && { locale: v.locale as never }),
    ...(v.timeZone && { time_zone: v.timeZone }),
  };
}

/** The page's words: an action answers in the language of the URL it was posted to (proxy.ts). */
const translator = (): Promise<SubscriptionTranslator> => getTranslations('subscription');

/** What the form lacks, in the services' words (localFields puts them in the page's language). */
function missing(v: FormValues): Record<string, string> | undefined {
  if (v.type === 'email' && !v.email) return { email: 'is required' };
  if (v.type !== 'email' && !v.url) return { url: 'is required' };
  if (v.components === 'some' && v.componentIds.length === 0) return { component_ids: 'choose at least one component, or all components' };
  return undefined;
}

/** A refusal before any service is called: the fields marked, in the page's language. */
function refused(t: SubscriptionTranslator, fields: Record<string, string>): Pick<FormState, 'error' | 'fields'> {
  return { error: t('errors.correctFields'), fields: localFields(t, fields) };
}

/** The /subscribe form: email (double opt-in), webhook (secret shown once) or a chat channel (test message). */
export async function subscribeAction(previous: FormState | undefined, sent: FormData): Promise<FormState> {
  const values = valuesOf(formDataOf(sent));
  // A hand-made call may send no previous state at all.
  const attempt = (previous?.attempt ?? 0) + 1;
  const t = await translator();
  const fields = missing(values);
  if (fields) return { ...refused(t, fields), values, attempt };
  try {
    const ctx = await requestContext();
    await throttleSubscribe(ctx, clientAddressOf(await headers()), (values.type === 'email' ? values.email : values.url).toLowerCase());
    const input: SubscribeInput =
      values.type === 'email'
        ? { type: 'email', email: values.email, ...preferences(values) }
        : { type: values.type, url: values.url, ...(values.email ? { email: values.email } : {}), ...preferences(values) };
    // A signed-in member's subscription is theirs: its alerts follow what their audiences see.
    const member = await currentMemberViewer();
    const result = await subscribe({ ctx, input, memberId: member?.memberId });
    const asMember = member ? ` ${t('sent.asMember', { email: member.email, audiences: member.audiences.map((a) => a.name).join(', ') })}` : '';
    if (result.type === 'email') {
      return { ok: true, attempt, message: t('sent.email', { email: values.email }) + asMember };
    }
    const manageUrl = await inPageLanguage(result.manageUrl);
    if (result.type === 'chat') {
      return { ok: true, attempt, message: t('sent.chat', { platform: CHAT_PLATFORM_LABEL[result.platform] }) + asMember, manageUrl };
    }
    return { ok: true, attempt, message: t('sent.webhook') + asMember, secret: result.secret, manageUrl };
  } catch (error) {
    return { ...localFailure(t, error), values, attempt };
  }
}

/** The manage page's preferences form. */
export async function updateSubscriptionAction(previous: FormState | undefined, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  const values = valuesOf(form);
  const attempt = (previous?.attempt ?? 0) + 1;
  const t = await translator();
  const fields = missing({ ...values, email: 'x', url: 'x' });
  if (fields) return { ...refused(t, fields), values, attempt };
  try {
    await updateSubscription({ ctx: await requestContext(), input: { token: String(form.get('token') ?? ''), ...preferences(values) } });
    return { ok: true, message: t('manage.saved'), values, attempt };
  } catch (error) {
    return { ...localFailure(t, error), values, attempt };
  }
}

/** The unsubscribe button (manage and unsubscribe pages). */
export async function unsubscribeAction(_previous: FormState, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  const t = await translator();
  try {
    await unsubscribe({ ctx: await requestContext(), input: { token: String(form.get('token') ?? '') } });
    return { ok: true, message: t('unsubscribe.done') };
  } catch (error) {
    return localFailure(t, error);
  }
}

/** The confirm page's button: the POST that activates an email subscription (a GET never does). */
export async function confirmAction(_previous: FormState, sent: FormData): Promise<FormState> {
  const form = formDataOf(sent);
  const t = await translator();
  try {
    const result = await confirmSubscription({ ctx: await requestContext(), input: { token: String(form.get('token') ?? '') } });
    return { ok: true, message: t('confirm.doneMessage', { email: result.email }), manageUrl: await inPageLanguage(result.manageUrl) };
  } catch (error) {
    return localFailure(t, error, t('confirm.invalid'));
  }
}

/**
 * A subscriber page's URL in the language of the page the form was on (the service's is in the
 * language chosen for the alerts, or unprefixed): the reader carries on where they are.
 */
async function inPageLanguage(url: string): Promise<string> {
  const lang = await pageLanguage();
  const at = new URL(url);
  at.pathname = localePath(lang.locale, splitLocale(at.pathname).rest, lang.defaultLocale);
  return at.toString();
}
