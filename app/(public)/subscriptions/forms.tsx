'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { confirmAction, unsubscribeAction, updateSubscriptionAction, type FormState } from '@/app/(public)/subscriptions/actions';
import { useLocalHref } from '@/components/i18n/locale-prefix';
import { ComponentPicker, EventChoices, type ComponentChoices } from '@/components/subscriptions/component-picker';
import { FormResult } from '@/components/subscriptions/form-result';
import { LanguageZoneFields } from '@/components/subscriptions/language-zone-fields';
import type { PreferencesText } from '@/components/subscriptions/preferences-labels';
import { BUTTON, CARD, DANGER_BUTTON } from '@/components/subscriptions/styles';
import { isLocale, type Locale } from '@/lib/i18n/locales';

/** Change components, events, language and zone from the manage link, in the page's language. */
export function PreferencesForm(props: {
  token: string;
  choices: ComponentChoices;
  allComponents: boolean;
  componentIds: string[];
  events: 'all' | 'start_and_resolution';
  maintenance: boolean;
  /** The subscriber's language and zone (the page's when never chosen), the zones on offer and their words. */
  preferences: { text: PreferencesText; zones: readonly string[]; locale: Locale; timeZone: string };
}) {
  const t = useTranslations('subscription.manage');
  const [state, action, pending] = useActionState<FormState, FormData>(updateSubscriptionAction, {});
  const v = state.values;
  return (
    <form key={state.attempt ?? 0} action={action} className={`${CARD} space-y-6`} aria-label={t('formLabel')}>
      <input type="hidden" name="token" value={props.token} />
      <ComponentPicker
        choices={props.choices}
        all={v ? v.components === 'all' : props.allComponents}
        ids={v ? v.componentIds : props.componentIds}
        error={state.fields?.component_ids}
      />
      <EventChoices events={v?.events ?? props.events} maintenance={v ? v.maintenance : props.maintenance} />
      <LanguageZoneFields
        text={props.preferences.text}
        zones={props.preferences.zones}
        locale={isLocale(v?.locale) ? v.locale : props.preferences.locale}
        timeZone={v?.timeZone || props.preferences.timeZone}
        keepZone
        errors={{ locale: state.fields?.locale, time_zone: state.fields?.time_zone }}
      />
      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? t('saving') : t('save')}
      </button>
    </form>
  );
}

/** The confirm page's button: a POST, so a mail scanner that opens the link confirms nothing. */
export function ConfirmForm({ token }: { token: string }) {
  const t = useTranslations('subscription');
  const local = useLocalHref();
  const [state, action, pending] = useActionState<FormState, FormData>(confirmAction, {});
  if (state.ok) {
    return (
      <div className="space-y-3">
        <h2 className="text-xl font-bold">{t('confirm.done')}</h2>
        <FormResult state={state} />
        <p>
          <a className="font-medium underline" href={state.manageUrl}>
            {t('confirm.choose')}
          </a>{' '}
          ·{' '}
          <Link prefetch={false} className="underline" href={local('/')}>
            {t('backToStatus')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? t('confirm.pending') : t('confirm.button')}
      </button>
    </form>
  );
}

/** The unsubscribe button: a POST, so link scanners that follow GETs never unsubscribe anyone. */
export function UnsubscribeForm({ token, confirm = false }: { token: string; /** "Yes, unsubscribe": the answer to the page's question. */ confirm?: boolean }) {
  const t = useTranslations('subscription.unsubscribe');
  const [state, action, pending] = useActionState<FormState, FormData>(unsubscribeAction, {});
  if (state.ok) return <FormResult state={state} />;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormResult state={state} />
      <button type="submit" className={DANGER_BUTTON} disabled={pending}>
        {pending ? t('pending') : confirm ? t('confirmButton') : t('button')}
      </button>
    </form>
  );
}
