'use client';

import { useTranslations } from 'next-intl';
import { useLive } from '@/components/live/live-context';

/** "Status as of …" while the server answers from its last snapshot because the database is down. */
export function StaleNotice() {
  const { staleSince } = useLive();
  const t = useTranslations('common');
  if (!staleSince) return null;
  const when = new Date(staleSince);
  return (
    <div
      role="status"
      data-snapshot-stale="true"
      className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {t.rich('staleAsOf', {
        when: `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        time: (chunks) => <time dateTime={when.toISOString()}>{chunks}</time>,
      })}
    </div>
  );
}
