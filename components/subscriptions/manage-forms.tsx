'use client';

import { useActionState } from 'react';
import { unsubscribeAction, updateSubscriptionAction, type FormState } from '@/app/(public)/subscriptions/actions';
import { ComponentPicker, EventChoices, type ComponentChoices } from '@/components/subscriptions/component-picker';
import { FormResult } from '@/components/subscriptions/form-result';
import { BUTTON, CARD, DANGER_BUTTON } from '@/components/subscriptions/styles';

/** Change components and events from the manage link. */
export function PreferencesForm(props: {
  token: string;
  choices: ComponentChoices;
  allComponents: boolean;
  componentIds: string[];
  events: 'all' | 'start_and_resolution';
  maintenance: boolean;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateSubscriptionAction, {});
  return (
    <form action={action} className={`${CARD} space-y-6`} aria-label="Preferences">
      <input type="hidden" name="token" value={props.token} />
      <ComponentPicker choices={props.choices} initialAll={props.allComponents} initialIds={props.componentIds} />
      <EventChoices events={props.events} maintenance={props.maintenance} />
      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? 'Saving…' : 'Save preferences'}
      </button>
    </form>
  );
}

/** The unsubscribe button: a POST, so link scanners that follow GETs never unsubscribe anyone. */
export function UnsubscribeForm({ token, label = 'Unsubscribe' }: { token: string; label?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(unsubscribeAction, {});
  if (state.ok) return <FormResult state={state} />;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormResult state={state} />
      <button type="submit" className={DANGER_BUTTON} disabled={pending}>
        {pending ? 'Unsubscribing…' : label}
      </button>
    </form>
  );
}
