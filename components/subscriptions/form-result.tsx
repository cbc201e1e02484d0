import type { FormState } from '@/app/(public)/subscriptions/actions';

/** The outcome of a subscription form: an error naming the fields, or a confirmation. */
export function FormResult({ state }: { state: FormState }) {
  if (state.error) {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
        {state.error}
      </div>
    );
  }
  if (state.message) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950/50 dark:text-green-200">
        {state.message}
      </p>
    );
  }
  return null;
}
