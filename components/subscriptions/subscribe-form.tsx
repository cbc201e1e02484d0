'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { subscribeAction, type FormState } from '@/app/(public)/subscriptions/actions';
import { ComponentPicker, EventChoices, type ComponentChoices } from '@/components/subscriptions/component-picker';
import { FormResult } from '@/components/subscriptions/form-result';
import { BUTTON, CARD, FIELD_ERROR, INPUT } from '@/components/subscriptions/styles';
import { CHAT_PLATFORMS, CHAT_PLATFORM_LABEL, type ChatPlatform } from '@/lib/domain/chat/alert';
import { LanguageZoneFields } from '@/components/subscriptions/language-zone-fields';
import type { PreferencesText } from '@/components/subscriptions/preferences-labels';
import { isLocale, type Locale } from '@/lib/i18n/locales';

const TAB =
  'cursor-pointer rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium has-[:checked]:border-neutral-900 has-[:checked]:bg-neutral-900 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-neutral-900/40 dark:border-neutral-700 dark:has-[:checked]:border-neutral-100 dark:has-[:checked]:bg-neutral-100 dark:has-[:checked]:text-neutral-900';
// Shown or hidden by which type radio is checked: CSS only, so the form is the same with and without JavaScript.
const EMAIL_ONLY = 'hidden group-has-[input[name=type][value=email]:checked]/form:block';
const NOT_EMAIL = 'group-has-[input[name=type][value=email]:checked]/form:hidden';
const WEBHOOK_ONLY = 'hidden group-has-[input[name=type][value=webhook]:checked]/form:block';
const CHAT_ONLY =
  'group-has-[input[name=type][value=email]:checked]/form:hidden group-has-[input[name=type][value=webhook]:checked]/form:hidden';
// Written out whole so Tailwind sees each class.
const PLATFORM_ONLY: Record<ChatPlatform, string> = {
  slack: 'hidden group-has-[input[name=type][value=slack]:checked]/form:block',
  teams: 'hidden group-has-[input[name=type][value=teams]:checked]/form:block',
  discord: 'hidden group-has-[input[name=type][value=discord]:checked]/form:block',
  google_chat: 'hidden group-has-[input[name=type][value=google_chat]:checked]/form:block',
  mattermost: 'hidden group-has-[input[name=type][value=mattermost]:checked]/form:block',
};
/** Subscribe by email, webhook or a chat channel's incoming webhook, to all components or a chosen set. */
export function SubscribeForm({
  choices,
  preferences,
}: {
  choices: ComponentChoices;
  /** The language and zone fields: the page's language and zone as defaults, the zones on offer and their words. */
  preferences: { text: PreferencesText; zones: readonly string[]; locale: Locale; timeZone: string };
}) {
  const t = useTranslations('subscribe');
  const [state, action, pending] = useActionState<FormState, FormData>(subscribeAction, {});
  const err = state.fields ?? {};
  const v = state.values;
  const type = v?.type ?? 'email';

  if (state.ok && state.secret) {
    return (
      <div className={`${CARD} space-y-4`}>
        <FormResult state={state} />
        <div>
          <p className="text-sm font-semibold">{t('form.secretTitle')}</p>
          <code data-testid="webhook-secret" className="mt-1 block rounded bg-neutral-100 p-3 text-sm break-all dark:bg-neutral-800">
            {state.secret}
          </code>
          <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
            {t.rich('form.secretHint', { code: (chunks) => <code>{chunks}</code> })}
          </p>
        </div>
        <p className="text-sm">
          {t.rich('form.manageSubscription', {
            link: (chunks) => (
              <a className="font-medium underline" href={state.manageUrl}>
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
    );
  }

  if (state.ok && state.manageUrl) {
    return (
      <div className={`${CARD} space-y-4`}>
        <FormResult state={state} />
        <p className="text-sm">
          {t.rich('form.manageChannel', {
            link: (chunks) => (
              <a className="font-medium underline" href={state.manageUrl}>
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
    );
  }

  // Remounted after each submission so that every field starts from what was sent.
  return (
    <form key={state.attempt ?? 0} action={action} className={`group/form ${CARD} space-y-6`} noValidate>
      <fieldset>
        <legend className="text-sm font-semibold">{t('form.reach')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {(['email', 'webhook'] as const).map((kind) => (
            <label key={kind} className={TAB}>
              <input type="radio" name="type" value={kind} defaultChecked={type === kind} className="sr-only" />
              {kind === 'email' ? t('form.email') : t('form.webhook')}
            </label>
          ))}
        </div>
        <p className="mt-3 text-xs font-medium tracking-wide text-neutral-600 uppercase dark:text-neutral-400">{t('form.orChat')}</p>
        <div className="mt-1.5 flex flex-wrap gap-2">
          {CHAT_PLATFORMS.map((kind) => (
            <label key={kind} className={TAB}>
              <input type="radio" name="type" value={kind} defaultChecked={type === kind} className="sr-only" />
              {CHAT_PLATFORM_LABEL[kind]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className={NOT_EMAIL}>
        <label htmlFor="url" className="text-sm font-semibold">
          <span className={WEBHOOK_ONLY}>{t('form.endpointUrl')}</span>
          <span className={CHAT_ONLY}>{t('form.incomingUrl')}</span>
        </label>
        <input id="url" name="url" type="url" defaultValue={v?.url} placeholder="https://…" className={INPUT} aria-invalid={!!err.url} aria-describedby={`url-hint${err.url ? ' url-error' : ''}`} />
        <div id="url-hint" className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          <p className={WEBHOOK_ONLY}>{t('form.webhookHint')}</p>
          {CHAT_PLATFORMS.map((platform) => (
            <p key={platform} className={PLATFORM_ONLY[platform]}>
              {t(`where.${platform}`)} {t('form.testFirst')}
            </p>
          ))}
        </div>
        {err.url && (
          <p id="url-error" className={FIELD_ERROR}>
            {type === 'webhook' ? t('form.endpointUrl') : t('form.incomingUrl')} {err.url}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="email" className="text-sm font-semibold">
          <span className={EMAIL_ONLY}>{t('form.emailAddress')}</span>
          <span className={NOT_EMAIL}>{t('form.failureEmail')}</span>
        </label>
        <input id="email" name="email" type="email" defaultValue={v?.email} autoComplete="email" placeholder="you@example.com" className={INPUT} aria-invalid={!!err.email} aria-describedby={err.email ? 'email-error' : undefined} />
        {err.email && (
          <p id="email-error" className={FIELD_ERROR}>
            {t('form.email')} {err.email}
          </p>
        )}
      </div>

      <ComponentPicker choices={choices} all={(v?.components ?? 'all') === 'all'} ids={v?.componentIds ?? []} error={err.component_ids} />
      <EventChoices events={v?.events ?? 'all'} maintenance={v?.maintenance ?? true} />
      <LanguageZoneFields
        text={preferences.text}
        zones={preferences.zones}
        locale={isLocale(v?.locale) ? v.locale : preferences.locale}
        timeZone={v?.timeZone || preferences.timeZone}
        keepZone={!!v?.timeZone}
        errors={{ locale: err.locale, time_zone: err.time_zone }}
      />

      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending} aria-busy={pending}>
        {pending ? t('form.subscribing') : (
          <>
            <span className={EMAIL_ONLY}>{t('form.subscribeEmail')}</span>
            <span className={WEBHOOK_ONLY}>{t('form.registerWebhook')}</span>
            <span className={CHAT_ONLY}>{t('form.addChannel')}</span>
          </>
        )}
      </button>
    </form>
  );
}
