import { useTranslations } from 'next-intl';
import { TranslatedText } from '@/components/status/translated-text';
import type { ReactNode } from 'react';
import type { ComponentView, GroupView } from '@/lib/services/views';
import { ComponentRow } from '@/components/status/component-row';
import { StatusIcon } from '@/components/status/status-icon';
import { STATUS_TEXT } from '@/components/status/status-style';

/**
 * Components by group. A group is a native <details>: expandable with mouse and keyboard,
 * open by default, and showing its worst child status when collapsed.
 */
export function ComponentList({
  groups,
  ungrouped,
  bars,
}: {
  groups: GroupView[];
  ungrouped: ComponentView[];
  /** Server-rendered uptime bars by component id (see ComponentRow). */
  bars?: Record<string, ReactNode>;
}) {
  const t = useTranslations('status');
  if (groups.length === 0 && ungrouped.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-center text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        {t('noComponents')}
      </p>
    );
  }
  return (
    <div className="divide-y divide-neutral-200 overflow-hidden rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900">
      {groups.map((group) => (
        <details key={group.id} open className="group/details" data-group={group.id}>
          <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-neutral-900 dark:hover:bg-neutral-800/50 dark:focus-visible:outline-neutral-100 [&::-webkit-details-marker]:hidden">
            <span className="flex min-w-0 items-center gap-2 font-semibold">
              <svg
                viewBox="0 0 20 20"
                aria-hidden="true"
                className="h-4 w-4 shrink-0 transition-transform group-open/details:rotate-90"
              >
                <path d="M7 5l6 5-6 5" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
              </svg>
              <span className="min-w-0 break-words">
                <TranslatedText original={group.name} translations={group.translations} field="name" />{' '}
                <span className="text-sm font-normal whitespace-nowrap text-neutral-600 dark:text-neutral-400">
                  ({group.components.length})
                </span>
              </span>
            </span>
            {/* On a phone the icon alone: the name keeps the width, and the label is still read out. */}
            <span className={`flex shrink-0 items-center gap-1.5 text-sm font-medium ${STATUS_TEXT[group.status]}`}>
              <StatusIcon status={group.status} />
              <span className="sr-only sm:not-sr-only">{t(`component.${group.status}`)}</span>
            </span>
          </summary>
          <ul className="divide-y divide-neutral-100 border-t border-neutral-100 bg-neutral-50/50 dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-950/30">
            {group.components.map((component) => (
              <ComponentRow key={component.id} component={component} bars={bars?.[component.id]} />
            ))}
          </ul>
        </details>
      ))}
      {ungrouped.length > 0 && (
        <ul className="divide-y divide-neutral-100 dark:divide-neutral-800">
          {ungrouped.map((component) => (
            <ComponentRow key={component.id} component={component} bars={bars?.[component.id]} />
          ))}
        </ul>
      )}
    </div>
  );
}
