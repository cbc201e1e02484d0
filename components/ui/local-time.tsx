'use client';

import { useLocale } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { dateLocale, formatDate, formatDateTime } from '@/components/ui/format-time';

const noop = () => () => {};

/**
 * A machine-readable <time>: rendered on the server in the page's time zone, then
 * re-rendered in the viewer's own zone once the browser takes over.
 */
export function LocalTime({
  iso,
  timeZone,
  dateOnly = false,
  className,
}: {
  iso: string;
  timeZone: string;
  dateOnly?: boolean;
  className?: string;
}) {
  const inBrowser = useSyncExternalStore(noop, () => true, () => false);
  const zone = inBrowser ? undefined : timeZone;
  const pageLocale = useLocale();
  // The page's language on the server; the reader's own formats once in their browser.
  const locale = inBrowser ? undefined : dateLocale(pageLocale);
  const text = dateOnly ? formatDate(iso, zone, locale) : formatDateTime(iso, zone, locale);
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
