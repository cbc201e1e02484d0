'use client';

import { useActionState } from 'react';
import { subscribeAction, type FormState } from '@/app/(public)/subscriptions/actions';
import { ComponentPicker, EventChoices, type ComponentChoices } from '@/components/subscriptions/component-picker';
import { FormResult } from '@/components/subscriptions/form-result';
import { BUTTON, CARD, FIELD_ERROR, INPUT } from '@/components/subscriptions/styles';

const TAB =
  'cursor-pointer rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium has-[:checked]:border-neutral-900 has-[:checked]:bg-neutral-900 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-neutral-900/40 dark:border-neutral-700 dark:has-[:checked]:border-neutral-100 dark:has-[:checked]:bg-neutral-100 dark:has-[:checked]:text-neutral-900';
// Shown or hidden by which type radio is checked: CSS only, so the form is the same with and without JavaScript.
const WEBHOOK_ONLY = 'hidden group-has-[input[name=type][value=webhook]:checked]/form:block';
const EMAIL_ONLY = 'group-has-[input[name=type][value=webhook]:checked]/form:hidden';

/** Subscribe by email or webhook, to all components or a chosen set. */
export function SubscribeForm({ choices }: { choices: ComponentChoices }) {
  const [state, action, pending] = useActionState<FormState, FormData>(subscribeAction, {});
  const err = state.fields ?? {};
  const v = state.values;
  const type = v?.type ?? 'email';

  if (state.ok && state.secret) {
    return (
      <div className={`${CARD} space-y-4`}>
        <FormResult state={state} />
        <div>
          <p className="text-sm font-semibold">Signing secret (shown only once)</p>
          <code data-testid="webhook-secret" className="mt-1 block rounded bg-neutral-100 p-3 text-sm break-all dark:bg-neutral-800">
            {state.secret}
          </code>
          <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
            Verify each delivery&apos;s <code>webhook-signature</code> with this secret (Standard Webhooks).
          </p>
        </div>
        <p className="text-sm">
          Manage this subscription at{' '}
          <a className="font-medium underline" href={state.manageUrl}>
            its private link
          </a>
          ; keep it, it is the only way back.
        </p>
      </div>
    );
  }

  // Remounted after each submission so that every field starts from what was sent.
  return (
    <form key={state.attempt ?? 0} action={action} className={`group/form ${CARD} space-y-6`} noValidate>
      <fieldset>
        <legend className="text-sm font-semibold">How to reach you</legend>
        <div className="mt-2 flex gap-2">
          {(['email', 'webhook'] as const).map((t) => (
            <label key={t} className={TAB}>
              <input type="radio" name="type" value={t} defaultChecked={type === t} className="sr-only" />
              {t === 'email' ? 'Email' : 'Webhook'}
            </label>
          ))}
        </div>
      </fieldset>

      <div className={WEBHOOK_ONLY}>
        <label htmlFor="url" className="text-sm font-semibold">
          Endpoint URL
        </label>
        <input id="url" name="url" type="url" defaultValue={v?.url} placeholder="https://example.com/hooks/status" className={INPUT} aria-invalid={!!err.url} aria-describedby={err.url ? 'url-error' : undefined} />
        {err.url && (
          <p id="url-error" className={FIELD_ERROR}>
            Endpoint URL {err.url}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="email" className="text-sm font-semibold">
          <span className={EMAIL_ONLY}>Email address</span>
          <span className={WEBHOOK_ONLY}>Email for failure notices (optional)</span>
        </label>
        <input id="email" name="email" type="email" defaultValue={v?.email} autoComplete="email" placeholder="you@example.com" className={INPUT} aria-invalid={!!err.email} aria-describedby={err.email ? 'email-error' : undefined} />
        {err.email && (
          <p id="email-error" className={FIELD_ERROR}>
            Email {err.email}
          </p>
        )}
      </div>

      <ComponentPicker choices={choices} all={(v?.components ?? 'all') === 'all'} ids={v?.componentIds ?? []} error={err.component_ids} />
      <EventChoices events={v?.events ?? 'all'} maintenance={v?.maintenance ?? true} />

      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending} aria-busy={pending}>
        {pending ? 'Subscribing…' : (
          <>
            <span className={EMAIL_ONLY}>Subscribe by email</span>
            <span className={WEBHOOK_ONLY}>Register webhook</span>
          </>
        )}
      </button>
    </form>
  );
}
