'use client';

import { useState } from 'react';
import { Field, TextInput } from '@/components/ui/fields';

/** An ISO instant as the browser's `datetime-local` value (its own time zone, to the second). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * A date and time entered in the browser's time zone and sent as an ISO instant in the hidden
 * field `name`. An unchanged field sends the original instant exactly.
 */
export function LocalTimeField({ id, name, label, iso, help }: { id: string; name: string; label: string; iso: string | null; help?: string }) {
  const initial = toLocalInput(iso);
  const [value, setValue] = useState(initial);
  const sent = value === initial ? (iso ?? '') : value ? new Date(value).toISOString() : '';
  return (
    <Field label={label} htmlFor={id} help={help}>
      <TextInput id={id} type="datetime-local" step={1} value={value} onChange={(e) => setValue(e.target.value)} />
      <input type="hidden" name={name} value={sent} />
    </Field>
  );
}
