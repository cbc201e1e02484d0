'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/admin-action';
import { Button } from '@/components/ui/fields';

/**
 * A form bound to an admin server action: shows progress while it runs, then the result —
 * a confirmation, or the error with each bad field named. Works without JavaScript too.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = 'Saving…',
  variant = 'primary',
  className = 'space-y-4',
  children,
  confirm,
  submitAriaLabel,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
  children?: React.ReactNode;
  confirm?: string;
  submitAriaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {children}
      {state.error && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
          <p className="font-medium">{state.error}</p>
        </div>
      )}
      {state.message && !state.error && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950/50 dark:text-green-200">
          {state.message}
        </p>
      )}
      <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} aria-label={submitAriaLabel}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
