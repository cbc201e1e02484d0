/** Shared classes of the subscription forms. */
export const INPUT =
  'mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-neutral-900 focus:outline-none focus:ring-2 focus:ring-neutral-900/20 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100';
export const BUTTON =
  'inline-flex items-center rounded-md bg-neutral-900 px-4 py-2 text-sm font-semibold text-white hover:bg-neutral-700 disabled:opacity-60 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300';
export const DANGER_BUTTON =
  'inline-flex items-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:bg-neutral-900 dark:text-red-300';
export const CARD = 'rounded-lg border border-neutral-200 bg-white p-4 sm:p-6 dark:border-neutral-800 dark:bg-neutral-900';
export const FIELD_ERROR = 'mt-1 text-sm text-red-700 dark:text-red-400';
