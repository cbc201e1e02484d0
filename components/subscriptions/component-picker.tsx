'use client';

import { useState } from 'react';

export interface ComponentChoices {
  groups: { id: string; name: string; components: { id: string; name: string }[] }[];
  ungrouped: { id: string; name: string }[];
}

/**
 * "All components" (which also covers components added later) or a chosen set, as grouped
 * checkboxes. Posts `all_components` and `component_ids[]`.
 */
export function ComponentPicker({ choices, initialAll, initialIds }: { choices: ComponentChoices; initialAll: boolean; initialIds: string[] }) {
  const [all, setAll] = useState(initialAll);
  const chosen = new Set(initialIds);
  const box = (c: { id: string; name: string }) => (
    <label key={c.id} className="flex items-center gap-2 py-0.5 text-sm">
      <input type="checkbox" name="component_ids[]" value={c.id} defaultChecked={chosen.has(c.id)} disabled={all} className="h-4 w-4" />
      {c.name}
    </label>
  );
  return (
    <fieldset>
      <legend className="text-sm font-semibold">Components</legend>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input type="checkbox" name="all_components" checked={all} onChange={(e) => setAll(e.target.checked)} className="h-4 w-4" />
        All components, including ones added later
      </label>
      <div className={`mt-3 grid gap-4 sm:grid-cols-2 ${all ? 'opacity-50' : ''}`} aria-disabled={all}>
        {choices.groups.map((g) => (
          <fieldset key={g.id}>
            <legend className="text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400">{g.name}</legend>
            {g.components.map(box)}
          </fieldset>
        ))}
        {choices.ungrouped.length > 0 && (
          <fieldset>
            <legend className="text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400">Other</legend>
            {choices.ungrouped.map(box)}
          </fieldset>
        )}
      </div>
    </fieldset>
  );
}

/** Every update or only start and resolution, and maintenance yes or no. */
export function EventChoices({ events, maintenance }: { events: 'all' | 'start_and_resolution'; maintenance: boolean }) {
  return (
    <fieldset>
      <legend className="text-sm font-semibold">What to be told</legend>
      <label className="mt-2 flex items-center gap-2 text-sm">
        <input type="radio" name="events" value="all" defaultChecked={events === 'all'} className="h-4 w-4" />
        Every update
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="events" value="start_and_resolution" defaultChecked={events === 'start_and_resolution'} className="h-4 w-4" />
        Only when an incident starts and when it is resolved
      </label>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" name="maintenance" defaultChecked={maintenance} className="h-4 w-4" />
        Scheduled maintenance notices
      </label>
    </fieldset>
  );
}
