'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { confirmAction, unsubscribeAction, updateSubscriptionAction, type FormState } from '@/app/(public)/subscriptions/actions';
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
  const v = state.values;
  return (
    <form key={state.attempt ?? 0} action={action} className={`${CARD} space-y-6`} aria-label="Preferences">
      <input type="hidden" name="token" value={props.token} />
      <ComponentPicker
        choices={props.choices}
        all={v ? v.components === 'all' : props.allComponents}
        ids={v ? v.componentIds : props.componentIds}
        error={state.fields?.component_ids}
      />
      <EventChoices events={v?.events ?? props.events} maintenance={v ? v.maintenance : props.maintenance} />
      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? 'Saving…' : 'Save preferences'}
      </button>
    </form>
  );
}

/** The confirm page's button: a POST, so a mail scanner that opens the link confirms nothing. */
export function ConfirmForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(confirmAction, {});
  if (state.ok) {
    return (
      <div className="space-y-3">
        <h2 className="text-xl font-bold">You are subscribed</h2>
        <FormResult state={state} />
        <p>
          <a className="font-medium underline" href={state.manageUrl}>
            Choose components and events
          </a>{' '}
          · <Link className="underline" href="/">Back to the status page</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? 'Confirming…' : 'Confirm subscription'}
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
