'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/admin-action';

/** A one-button form bound to a console action (remove, retry), with its outcome shown inline. */
export function ActionButton({
  action,
  id,
  label,
  pendingLabel,
  confirm,
  danger = false,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  label: string;
  pendingLabel: string;
  confirm?: string;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="flex items-center gap-2"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md border px-2.5 py-1 text-sm font-medium disabled:opacity-50 ${danger ? 'border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300' : 'border-neutral-300 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800'}`}
      >
        {pending ? pendingLabel : label}
      </button>
      {state.error && <span role="alert" className="text-xs text-red-700 dark:text-red-400">{state.error}</span>}
      {state.message && !state.error && <span role="status" className="text-xs text-green-800 dark:text-green-300">{state.message}</span>}
    </form>
  );
}
