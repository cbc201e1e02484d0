'use client';

import { useMemo, useState } from 'react';
import { COMPONENT_STATUS_LABEL, COMPONENT_STATUSES, type ComponentStatus } from '@/lib/domain/status';
import { Button } from '@/components/ui/fields';

export interface PickerGroup {
  id: string | null;
  name: string;
  components: { id: string; name: string; status: ComponentStatus }[];
}

/** Above this many components (a large network) the groups start folded, so the form stays short. */
const FOLD_ABOVE = 30;

const select =
  'rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-700 dark:bg-neutral-900';

/**
 * Component statuses for an update, for many components at once: tick components (or a whole
 * group) and set one status for the selection, or set each one; groups fold and a filter box
 * narrows a long list. Each component posts `component.<id>`; the ticks post `bulk[]` with
 * `bulkStatus`, so a form sent without JavaScript applies the selection too.
 */
export function ComponentPicker({
  groups,
  legend = 'Affected components',
  defaults = {},
  idPrefix = 'component',
}: {
  groups: PickerGroup[];
  legend?: string;
  defaults?: Record<string, ComponentStatus>;
  idPrefix?: string;
}) {
  const [values, setValues] = useState<Record<string, string>>(defaults);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<ComponentStatus | ''>('');
  const [filter, setFilter] = useState('');
  const total = groups.reduce((n, g) => n + g.components.length, 0);
  const needle = filter.trim().toLowerCase();
  // Filtered-out components stay in the form (hidden), so their chosen statuses still post.
  const matches = useMemo(() => {
    const visible = new Set<string>();
    for (const g of groups) {
      const groupHit = needle === '' || g.name.toLowerCase().includes(needle);
      for (const c of g.components) if (groupHit || c.name.toLowerCase().includes(needle)) visible.add(c.id);
    }
    return visible;
  }, [groups, needle]);

  const toggle = (ids: string[], on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const apply = () => {
    if (!bulk) return;
    setValues((current) => ({ ...current, ...Object.fromEntries([...picked].map((id) => [id, bulk])) }));
    setPicked(new Set());
    setBulk('');
  };
  const changing = Object.values(values).filter(Boolean).length;

  return (
    <fieldset className="min-w-0 rounded-md border border-neutral-200 p-3 dark:border-neutral-800" data-testid={`${idPrefix}-picker`}>
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 flex-1">
          <label htmlFor={`${idPrefix}-filter`} className="block text-xs font-medium">
            Filter components
          </label>
          <input
            id={`${idPrefix}-filter`}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Name or group"
            className={`${select} mt-1 w-full`}
          />
        </div>
        <div>
          <label htmlFor={`${idPrefix}-bulk`} className="block text-xs font-medium">
            Status for the {picked.size} selected
          </label>
          <select id={`${idPrefix}-bulk`} name="bulkStatus" value={bulk} onChange={(e) => setBulk(e.target.value as ComponentStatus | '')} className={`${select} mt-1`}>
            <option value="">Choose…</option>
            {COMPONENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {COMPONENT_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <Button type="button" variant="secondary" onClick={apply} disabled={!bulk || picked.size === 0}>
          Set status
        </Button>
      </div>
      <p className="mt-2 text-xs text-neutral-600 dark:text-neutral-400" aria-live="polite">
        {total} components · {changing} changing{picked.size > 0 ? ` · ${picked.size} selected` : ''}
      </p>
      {matches.size === 0 && <p className="mt-2 text-sm">No component matches “{filter}”.</p>}
      <div className="mt-2 space-y-2">
        {groups.map((group) => {
          const ids = group.components.filter((c) => matches.has(c.id)).map((c) => c.id);
          const all = ids.length > 0 && ids.every((id) => picked.has(id));
          const groupKey = group.id ?? 'ungrouped';
          const inGroup = group.components.filter((c) => values[c.id]).length;
          return (
            <details
              key={groupKey}
              open={total <= FOLD_ABOVE || needle !== '' || inGroup > 0 || undefined}
              hidden={ids.length === 0}
              className="rounded-md border border-neutral-200 dark:border-neutral-800"
              data-group={group.name}
            >
              <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">
                {group.name}{' '}
                <span className="font-normal text-neutral-600 dark:text-neutral-400">
                  ({group.components.length}
                  {inGroup > 0 ? `, ${inGroup} changing` : ''})
                </span>
              </summary>
              <div className="border-t border-neutral-200 px-3 py-2 dark:border-neutral-800">
                <label className="flex items-center gap-2 text-xs font-medium">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={all}
                    onChange={(e) => toggle(ids, e.target.checked)}
                    aria-label={`Select all of ${group.name}`}
                  />
                  Select all of {group.name}
                </label>
                <ul className="mt-1 grid grid-cols-1 gap-x-6 sm:grid-cols-2">
                  {group.components.map((c) => (
                    <li key={c.id} hidden={!matches.has(c.id)} className="mt-1 flex items-center justify-between gap-2 text-sm">
                      <label className="flex min-w-0 flex-1 items-center gap-2">
                        <input
                          type="checkbox"
                          name="bulk[]"
                          value={c.id}
                          className="h-4 w-4 shrink-0"
                          checked={picked.has(c.id)}
                          onChange={(e) => toggle([c.id], e.target.checked)}
                          aria-label={`Select ${c.name}`}
                        />
                        <span className="truncate">
                          {c.name} <span className="text-xs text-neutral-600 dark:text-neutral-400">({COMPONENT_STATUS_LABEL[c.status]})</span>
                        </span>
                      </label>
                      <select
                        id={`${idPrefix}-${c.id}`}
                        name={`component.${c.id}`}
                        aria-label={`${c.name} status`}
                        value={values[c.id] ?? ''}
                        onChange={(e) => setValues((current) => ({ ...current, [c.id]: e.target.value }))}
                        className={`${select} w-44 max-w-[50%] shrink-0`}
                      >
                        <option value="">No change</option>
                        {COMPONENT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {COMPONENT_STATUS_LABEL[s]}
                          </option>
                        ))}
                      </select>
                    </li>
                  ))}
                </ul>
              </div>
            </details>
          );
        })}
      </div>
    </fieldset>
  );
}
