import Link from 'next/link';
import { formatDuration } from '@/lib/domain/duration';
import { IMPACT_LABEL, UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { AdminIncidentItem } from '@/lib/services/list-admin-incidents';
import { IMPACT_TEXT } from '@/components/status/status-style';
import { LocalTime } from '@/components/ui/local-time';

const hrefOf = (item: AdminIncidentItem) => `/admin/${item.kind === 'incident' ? 'incidents' : 'maintenance'}/${item.id}`;

function PostmortemDue() {
  return (
    <span className="ms-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
      postmortem due
    </span>
  );
}

/**
 * Incidents or maintenance for the console: a compact table, and on a phone a list of the same
 * entries (name first, then status, impact, start and duration on one wrapping line).
 */
export function IncidentTable({ items, timeZone, empty }: { items: AdminIncidentItem[]; timeZone: string; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-neutral-600 dark:text-neutral-400">{empty}</p>;
  return (
    <>
      <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 text-sm sm:hidden dark:divide-neutral-800 dark:border-neutral-800">
        {items.map((item) => (
          <li key={item.id} className="px-3 py-2" data-incident-entry={item.id}>
            <Link href={hrefOf(item)} className="inline-flex min-h-6 items-center font-medium break-words underline-offset-2 hover:underline">
              {item.name}
            </Link>
            {item.postmortemDue && <PostmortemDue />}
            <p className="mt-0.5 text-neutral-600 dark:text-neutral-400">
              {UPDATE_STATUS_LABEL[item.status]}
              {item.kind === 'incident' && <span className={IMPACT_TEXT[item.impact]}> · {IMPACT_LABEL[item.impact]}</span>}
              {' · '}
              <LocalTime iso={item.startedAt} timeZone={timeZone} />
              {item.durationMs !== null && ` · ${formatDuration(item.durationMs)}`}
            </p>
          </li>
        ))}
      </ul>
      <IncidentRows items={items} timeZone={timeZone} />
    </>
  );
}

function IncidentRows({ items, timeZone }: { items: AdminIncidentItem[]; timeZone: string }) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-neutral-200 sm:block dark:border-neutral-800">
      <table className="w-full text-start text-sm">
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
                <Link href={hrefOf(item)} className="font-medium underline-offset-2 hover:underline">
                  {item.name}
                </Link>
                {item.postmortemDue && <PostmortemDue />}
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
