import { useTranslations } from 'next-intl';
import type { MemberNotice } from '@/lib/services/list-member-notices';
import { PrivateMark } from '@/components/access/private-mark';
import { LocalTime } from '@/components/ui/local-time';

/** A signed-in member's open early notices, above their status; nothing when there are none. */
export function MemberNotices({ notices, timeZone }: { notices: readonly MemberNotice[]; timeZone: string }) {
  const t = useTranslations('access');
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="member-notices" className="mb-6">
      <h2 id="member-notices" className="text-lg font-semibold">
        {t('notices.title')}
      </h2>
      <ul className="mt-2 space-y-3">
        {notices.map((n) => (
          <li key={n.id} className="rounded-lg border border-violet-300 bg-violet-50 p-4 dark:border-violet-800 dark:bg-violet-950/40" data-member-notice={n.id}>
            <h3 className="font-semibold break-words">
              {n.title}
              <PrivateMark audiences={n.privateTo} />
            </h3>
            <p className="mt-2 text-sm break-words whitespace-pre-wrap">{n.body}</p>
            <p className="mt-2 text-xs text-neutral-700 dark:text-neutral-300">
              {t('notices.early')} · <LocalTime iso={n.sentAt} timeZone={timeZone} /> · {t('notices.notPublic')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
