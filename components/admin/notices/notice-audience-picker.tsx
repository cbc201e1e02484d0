'use client';

import { useEffect, useRef, useState } from 'react';
import { FieldError } from '@/components/ui/form-state';
import { Select } from '@/components/ui/fields';

const LEVEL_CHOICES = [
  { value: 'business', label: 'Business and Enterprise' },
  { value: 'enterprise', label: 'Enterprise only' },
  { value: 'standard', label: 'Every audience' },
] as const;

/** "Send to": audiences by support level (and up), or by name; only the chosen way is submitted. */
export function NoticeAudiencePicker({ audiences }: { audiences: readonly { id: string; name: string; levelLabel: string }[] }) {
  const [target, setTarget] = useState<'level' | 'audiences'>('level');
  const ref = useRef<HTMLFieldSetElement>(null);
  // A sent form is reset by React; the choice shown must follow the radios back to their default.
  useEffect(() => {
    const form = ref.current?.form;
    const onReset = () => setTarget('level');
    form?.addEventListener('reset', onReset);
    return () => form?.removeEventListener('reset', onReset);
  }, []);
  const radio = (value: typeof target, label: string) => (
    <label className="flex min-h-6 items-center gap-2 text-sm">
      <input type="radio" name="target" value={value} checked={target === value} onChange={() => setTarget(value)} className="h-4 w-4" />
      {label}
    </label>
  );
  return (
    <fieldset ref={ref} className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
      <legend className="px-1 text-sm font-medium">Send to</legend>
      {radio('level', 'Audiences at a support level and up')}
      {target === 'level' && (
        <div className="mt-1 mb-2 ps-6">
          <label htmlFor="notice-min-level" className="sr-only">
            Support level
          </label>
          <Select id="notice-min-level" name="minLevel" defaultValue="business" className="max-w-xs">
            {LEVEL_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
          <FieldError name="minLevel" label="Support level" id="notice-min-level-error" />
        </div>
      )}
      {radio('audiences', 'These audiences')}
      {target === 'audiences' && (
        <div className="mt-1 ps-6">
          <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {audiences.map((a) => (
              <label key={a.id} className="flex min-h-6 items-center gap-2 text-sm">
                <input type="checkbox" name="audienceIds[]" value={a.id} className="h-4 w-4 rounded border-neutral-400" />
                {a.name} <span className="text-neutral-600 dark:text-neutral-400">· {a.levelLabel}</span>
              </label>
            ))}
          </div>
          <FieldError name="audienceIds" label="Audiences" id="notice-audiences-error" />
        </div>
      )}
    </fieldset>
  );
}
