'use client';

import { useState } from 'react';

/**
 * "Visible to" in the incident composer. Automatic keeps an incident public unless every affected
 * component is private (then it is limited to those components' audiences).
 */
export function IncidentVisibilityField({ audiences }: { audiences: readonly { id: string; name: string }[] }) {
  const [choice, setChoice] = useState<'auto' | 'everyone' | 'audiences'>('auto');
  if (audiences.length === 0) return null;
  const radio = (value: typeof choice, label: string) => (
    <label className="flex min-h-6 items-center gap-2 text-sm">
      <input type="radio" name="visibility" value={value} checked={choice === value} onChange={() => setChoice(value)} className="h-4 w-4" />
      {label}
    </label>
  );
  return (
    <fieldset className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
      <legend className="px-1 text-sm font-medium">Visible to</legend>
      <div className="space-y-1">
        {radio('auto', 'Automatic: everyone, unless only private components are affected')}
        {radio('everyone', 'Everyone')}
        {radio('audiences', 'Only these audiences')}
      </div>
      {choice === 'audiences' && (
        <div className="mt-2 grid gap-x-4 gap-y-1 ps-6 sm:grid-cols-2">
          {audiences.map((a) => (
            <label key={a.id} className="flex min-h-6 items-center gap-2 text-sm">
              <input type="checkbox" name="audienceIds[]" value={a.id} className="h-4 w-4 rounded border-neutral-400" />
              {a.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
