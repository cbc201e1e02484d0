import type { ComponentChoiceGroup } from '@/lib/services/list-component-choices';

/** Grouped checkboxes naming components (`componentIds[]`). */
export function ComponentCheckboxes({ groups, legend, checked = [] }: { groups: ComponentChoiceGroup[]; legend: string; checked?: string[] }) {
  return (
    <fieldset className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800">
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      <div className="grid gap-x-6 sm:grid-cols-2">
        {groups.map((group) => (
          <div key={group.name} className="mt-2">
            <p className="text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-400">{group.name}</p>
            {group.components.map((c) => (
              <label key={c.id} className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="componentIds[]" value={c.id} defaultChecked={checked.includes(c.id)} className="h-4 w-4" />
                {c.name}
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
