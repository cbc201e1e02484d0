import Link from 'next/link';
import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { WithdrawnUpdate } from '@/lib/services/list-withdrawn-updates';
import { LocalTime } from '@/components/ui/local-time';

/** The updates withdrawn from an incident, folded under its timeline: gone from the public page, kept here. */
export function WithdrawnUpdates({ updates, timeZone }: { updates: WithdrawnUpdate[]; timeZone: string }) {
  if (updates.length === 0) return null;
  return (
    <details className="mt-4 rounded-lg border border-dashed border-neutral-300 p-3 text-sm dark:border-neutral-700" data-withdrawn-updates>
      <summary className="cursor-pointer font-medium">
        Withdrawn updates ({updates.length}) <span className="font-normal text-neutral-600 dark:text-neutral-400">· not shown publicly</span>
      </summary>
      <ol className="mt-3 space-y-3">
        {updates.map((u) => (
          <li key={u.id} className="text-neutral-600 dark:text-neutral-400" data-withdrawn={u.id}>
            <p>
              <span className="font-medium text-neutral-800 line-through dark:text-neutral-200">{UPDATE_STATUS_LABEL[u.status]}</span>
              {' · posted '}
              <LocalTime iso={u.displayAt} timeZone={timeZone} />
              {' · withdrawn '}
              <LocalTime iso={u.withdrawnAt} timeZone={timeZone} />
              {' · '}
              <Link href={`/admin/audit?${new URLSearchParams({ entity: 'incident_update', id: u.id })}`} className="underline underline-offset-2">
                who and why
              </Link>
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">{u.body || '(no text)'}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
