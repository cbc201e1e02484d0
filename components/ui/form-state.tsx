'use client';

import { createContext, useContext } from 'react';

/** What a form's last submission returned, as the fields inside it need it. */
export interface FormResult {
  fields?: Record<string, string>;
  values?: Record<string, string>;
}

/** The last result of the form around a field: its errors (if any) and what was typed. */
export const FormStateContext = createContext<FormResult>({});

/** The error for one field of the surrounding form, worded with the field's label ("Email must be …"). */
export function FieldError({ name, label, id }: { name: string; label: string; id: string }) {
  const message = useContext(FormStateContext).fields?.[name];
  if (!message) return null;
  return (
    <p id={id} data-error-for={name} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
      {label} {message}
    </p>
  );
}

/** What was typed into a field before the form was refused, for inputs rendered with a default. */
export function useTypedValue(name: string): string | undefined {
  return useContext(FormStateContext).values?.[name];
}
