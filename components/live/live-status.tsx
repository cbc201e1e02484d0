'use client';

import { useTranslations } from 'next-intl';
import { useLive, type LiveState } from '@/components/live/live-context';

const DOT: Record<LiveState, string> = {
  connecting: 'bg-neutral-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-500 animate-pulse',
};

/** A small "Live" / "Reconnecting…" indicator for the footer. */
export function LiveStatus() {
  const { state } = useLive();
  const t = useTranslations('common');
  return (
    <span role="status" aria-live="polite" data-live-state={state} className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOT[state]}`} />
      {t(`live.${state}`)}
    </span>
  );
}
