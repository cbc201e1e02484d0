import Link from 'next/link';
import { formatDuration } from '@/lib/domain/duration';
import { IMPACT_LABEL, UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { AdminIncidentItem } from '@/lib/services/list-admin-incidents';
import { IMPACT_TEXT } from '@/components/status/status-style';
import { LocalTime } from '@/components/ui/local-time';

/** A compact table of incidents or maintenance for the console. */
export function IncidentTable({ items, timeZone, empty }: { items: AdminIncidentItem[]; timeZone: string; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-neutral-600 dark:text-neutral-400">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-neutral-100 text-xs text-neutral-700 uppercase dark:bg-neutral-900 dark:text-neutral-300">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Impact</th>
            <th scope="col" className="px-3 py-2">Started</th>
            <th scope="col" className="px-3 py-2">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {items.map((item) => (
            <tr key={item.id} data-incident={item.id}>
              <td className="px-3 py-2">
                <Link href={`/admin/${item.kind === 'incident' ? 'incidents' : 'maintenance'}/${item.id}`} className="font-medium underline-offset-2 hover:underline">
                  {item.name}
                </Link>
                {item.postmortemDue && (
                  <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
                    postmortem due
                  </span>
                )}
              </td>
              <td className="px-3 py-2">{UPDATE_STATUS_LABEL[item.status]}</td>
              <td className={`px-3 py-2 ${IMPACT_TEXT[item.impact]}`}>{item.kind === 'incident' ? IMPACT_LABEL[item.impact] : '—'}</td>
              <td className="px-3 py-2">
                <LocalTime iso={item.startedAt} timeZone={timeZone} />
              </td>
              <td className="px-3 py-2">{item.durationMs === null ? '—' : formatDuration(item.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
