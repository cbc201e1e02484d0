'use client';

import { useActionState, useState } from 'react';
import { subscribeAction, type FormState } from '@/app/(public)/subscriptions/actions';
import { ComponentPicker, EventChoices, type ComponentChoices } from '@/components/subscriptions/component-picker';
import { FormResult } from '@/components/subscriptions/form-result';
import { BUTTON, CARD, FIELD_ERROR, INPUT } from '@/components/subscriptions/styles';

/** Subscribe by email or webhook, to all components or a chosen set. */
export function SubscribeForm({ choices }: { choices: ComponentChoices }) {
  const [state, action, pending] = useActionState<FormState, FormData>(subscribeAction, {});
  const [type, setType] = useState<'email' | 'webhook'>('email');
  const err = state.fields ?? {};

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

  return (
    <form action={action} className={`${CARD} space-y-6`} noValidate>
      <fieldset>
        <legend className="text-sm font-semibold">How to reach you</legend>
        <div className="mt-2 flex gap-2" role="radiogroup">
          {(['email', 'webhook'] as const).map((t) => (
            <label
              key={t}
              className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm font-medium ${type === t ? 'border-neutral-900 bg-neutral-900 text-white dark:border-neutral-100 dark:bg-neutral-100 dark:text-neutral-900' : 'border-neutral-300 dark:border-neutral-700'}`}
            >
              <input type="radio" name="type" value={t} checked={type === t} onChange={() => setType(t)} className="sr-only" />
              {t === 'email' ? 'Email' : 'Webhook'}
            </label>
          ))}
        </div>
      </fieldset>

      {type === 'webhook' && (
        <div>
          <label htmlFor="url" className="text-sm font-semibold">
            Endpoint URL
          </label>
          <input id="url" name="url" type="url" defaultValue={state.values?.url} required placeholder="https://example.com/hooks/status" className={INPUT} aria-invalid={!!err.url} aria-describedby={err.url ? 'url-error' : undefined} />
          {err.url && (
            <p id="url-error" className={FIELD_ERROR}>
              URL {err.url}
            </p>
          )}
        </div>
      )}
      <div>
        <label htmlFor="email" className="text-sm font-semibold">
          {type === 'email' ? 'Email address' : 'Email for failure notices (optional)'}
        </label>
        <input id="email" name="email" type="email" defaultValue={state.values?.email} autoComplete="email" required={type === 'email'} placeholder="you@example.com" className={INPUT} aria-invalid={!!err.email} aria-describedby={err.email ? 'email-error' : undefined} />
        {err.email && (
          <p id="email-error" className={FIELD_ERROR}>
            Email {err.email}
          </p>
        )}
      </div>

      <ComponentPicker choices={choices} initialAll initialIds={[]} />
      <EventChoices events="all" maintenance />

      <FormResult state={state} />
      <button type="submit" className={BUTTON} disabled={pending} aria-busy={pending}>
        {pending ? 'Subscribing…' : type === 'email' ? 'Subscribe by email' : 'Register webhook'}
      </button>
    </form>
  );
}
