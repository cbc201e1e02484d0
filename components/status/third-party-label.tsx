import { useTranslations } from 'next-intl';
import type { UpstreamView } from '@/lib/services/views';

/** "HH:MM" in the page's time zone, for the unknown notice. */
function clock(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone, hourCycle: 'h23' }).format(new Date(iso));
}

/**
 * Says a component mirrors another status page (named and linked), and, when that page could
 * not be read past the grace period, that its status is unknown rather than showing a guess.
 */
export function ThirdPartyLabel({ upstream, timeZone }: { upstream: UpstreamView; timeZone?: string }) {
  const t = useTranslations('status.thirdParty');
  return (
    <p className="mt-0.5 text-sm text-neutral-600 dark:text-neutral-400" data-third-party>
      <span className="me-1.5 rounded border border-neutral-300 px-1 py-px text-xs font-medium uppercase tracking-wide dark:border-neutral-600">{t('badge')}</span>
      {t.rich('from', {
        page: upstream.pageName,
        link: (chunks) => (
          <a href={upstream.pageUrl} rel="noopener noreferrer nofollow" className="inline-flex min-h-6 items-center underline underline-offset-2">
            {chunks}
          </a>
        ),
      })}
      {upstream.unknownSince && (
        <span className="ms-1.5 font-medium text-amber-800 dark:text-amber-300" role="status">
          {t('unknownSince', { page: upstream.pageName, time: `${clock(upstream.unknownSince, timeZone ?? 'UTC')}${timeZone ? '' : ' UTC'}` })}
        </span>
      )}
    </p>
  );
}

/** Whether the row should hide its status label: an upstream that cannot be read is not guessed at. */
export function statusUnknown(upstream: UpstreamView | undefined): boolean {
  return Boolean(upstream?.unknownSince);
}
