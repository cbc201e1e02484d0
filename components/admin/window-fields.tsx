'use client';

import { useState } from 'react';
import { Field, TextInput } from '@/components/ui/fields';

function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * Start and end of a maintenance window, entered in the browser's time zone and sent as
 * ISO instants (`scheduledFor`, `scheduledUntil`).
 */
export function WindowFields({ from, until, required = true }: { from?: string; until?: string; required?: boolean }) {
  const [start, setStart] = useState(toLocalInput(from));
  const [end, setEnd] = useState(toLocalInput(until));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Starts" htmlFor="window-start" help={`Your time zone (${zone}).`}>
        <TextInput id="window-start" type="datetime-local" step={1} value={start} required={required} onChange={(e) => setStart(e.target.value)} />
      </Field>
      <Field label="Ends" htmlFor="window-end">
        <TextInput id="window-end" type="datetime-local" step={1} value={end} required={required} onChange={(e) => setEnd(e.target.value)} />
      </Field>
      <input type="hidden" name="scheduledFor" value={start ? new Date(start).toISOString() : ''} />
      <input type="hidden" name="scheduledUntil" value={end ? new Date(end).toISOString() : ''} />
    </div>
  );
}
