import { COMPONENT_STATUS_LABEL, COMPONENT_STATUSES, type ComponentStatus } from '@/lib/domain/status';

/**
 * One select per component, grouped: leave "No change" for components the update does not
 * touch. Field names are `component.<id>`.
 */
export function ComponentStatusFields({
  groups,
  legend = 'Affected components',
  defaults = {},
}: {
  groups: { name: string; components: { id: string; name: string; status: ComponentStatus }[] }[];
  legend?: string;
  defaults?: Record<string, ComponentStatus>;
}) {
  return (
    <fieldset className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <div className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
        {groups.map((group) => (
          <div key={group.name}>
            <p className="mt-2 text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400">{group.name}</p>
            {group.components.map((c) => (
              <div key={c.id} className="mt-1 flex items-center justify-between gap-2 text-sm">
                <label htmlFor={`component-${c.id}`}>
                  {c.name} <span className="text-xs text-neutral-600 dark:text-neutral-400">({COMPONENT_STATUS_LABEL[c.status]})</span>
                </label>
                <select
                  id={`component-${c.id}`}
                  name={`component.${c.id}`}
                  defaultValue={defaults[c.id] ?? ''}
                  className="rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-700 dark:bg-neutral-900"
                >
                  <option value="">No change</option>
                  {COMPONENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {COMPONENT_STATUS_LABEL[s]}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
