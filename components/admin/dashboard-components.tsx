import { COMPONENT_STATUSES, COMPONENT_STATUS_LABEL, type ComponentStatus } from '@/lib/domain/status';
import { quickStatusAction } from '@/app/admin/actions/dashboard';
import { ActionForm } from '@/components/admin/action-form';
import { StatusIcon } from '@/components/status/status-icon';
import { STATUS_TEXT } from '@/components/status/status-style';

interface Group {
  id: string | null;
  name: string;
  components: { id: string; name: string; status: ComponentStatus }[];
}

/** Every component by group with its status, and one button per status: one click sets it. */
export function DashboardComponents({ groups }: { groups: Group[] }) {
  if (groups.length === 0) return <p className="text-sm text-neutral-600 dark:text-neutral-400">No components yet. Admins add them under Components.</p>;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {groups.map((group) => {
        const affected = group.components.filter((c) => c.status !== 'operational').length;
        return (
          <section key={group.id ?? 'none'} aria-label={group.name} className="rounded-lg border border-neutral-200 dark:border-neutral-800">
            <h3 className="flex items-baseline justify-between gap-2 border-b border-neutral-200 px-3 py-2 text-sm font-semibold dark:border-neutral-800">
              {group.name}
              <span className="text-xs font-normal text-neutral-600 dark:text-neutral-400">{affected === 0 ? 'all operational' : `${affected} affected`}</span>
            </h3>
            <ul className="divide-y divide-neutral-100 dark:divide-neutral-800">
              {group.components.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 px-3 py-1.5 text-sm" data-component={c.name}>
                  <span className="min-w-0">
                    <span className="block truncate">{c.name}</span>
                    <span className={`block text-xs font-medium ${c.status === 'operational' ? 'text-neutral-600 dark:text-neutral-400' : STATUS_TEXT[c.status]}`}>{COMPONENT_STATUS_LABEL[c.status]}</span>
                  </span>
                  <ActionForm action={quickStatusAction} submitLabel="" noSubmit className="flex shrink-0 rounded-md border border-neutral-200 dark:border-neutral-700">
                    <input type="hidden" name="id" value={c.id} />
                    <input type="hidden" name="name" value={c.name} />
                    {COMPONENT_STATUSES.map((s) => (
                      <button
                        key={s}
                        type="submit"
                        name="status"
                        value={s}
                        title={COMPONENT_STATUS_LABEL[s]}
                        aria-label={`Set ${c.name} to ${COMPONENT_STATUS_LABEL[s]}`}
                        aria-pressed={s === c.status}
                        className="p-1.5 first:rounded-s-md last:rounded-e-md hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-neutral-900 aria-pressed:bg-neutral-200 dark:hover:bg-neutral-800 dark:focus-visible:outline-neutral-100 dark:aria-pressed:bg-neutral-700"
                      >
                        <StatusIcon status={s} className={s === c.status ? '' : 'opacity-60'} />
                      </button>
                    ))}
                  </ActionForm>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
