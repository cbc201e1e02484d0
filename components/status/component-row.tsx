import { useTranslations } from 'next-intl';
import { TranslatedText } from '@/components/status/translated-text';
import { LocalLink } from '@/components/i18n/locale-prefix';
import type { ReactNode } from 'react';
import type { ComponentView } from '@/lib/services/views';
import { StatusIcon } from '@/components/status/status-icon';
import { statusUnknown, ThirdPartyLabel } from '@/components/status/third-party-label';
import { STATUS_TEXT } from '@/components/status/status-style';
import { UptimeBars } from '@/components/status/uptime-bars';
import { PrivateMark } from '@/components/access/private-mark';

/**
 * One component: name, current status, and its uptime bars when showcased. `bars`, when given,
 * are bars the server already rendered (a live client list passes them through untouched, so
 * the 90 days' detail never travels as client props).
 */
export function ComponentRow({ component, bars }: { component: ComponentView; bars?: ReactNode }) {
  const t = useTranslations('status');
  return (
    <li className="px-4 py-3" data-component={component.id}>
      {/* A long status label (German, French…) wraps under the name rather than squeezing it. */}
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        {/* Its page: status, a year of daily uptime, figures per month, quarter and year, incidents. */}
        <span className="min-w-0">
          <LocalLink prefetch={false} href={`/components/${component.id}`} className="font-medium break-words underline-offset-2 hover:underline">
            <TranslatedText original={component.name} translations={component.translations} field="name" />
          </LocalLink>
          <PrivateMark audiences={component.privateTo} />
        </span>
        {statusUnknown(component.upstream) ? (
          <span className="ms-auto shrink-0 text-sm font-medium text-neutral-700 dark:text-neutral-300">{t('componentUnknown')}</span>
        ) : (
          <span className={`ms-auto flex shrink-0 items-center gap-1.5 text-sm font-medium ${STATUS_TEXT[component.status]}`}>
            <StatusIcon status={component.status} />
            {t(`component.${component.status}`)}
          </span>
        )}
      </div>
      {component.upstream && <ThirdPartyLabel upstream={component.upstream} />}
      {component.description && (
        <TranslatedText as="p" original={component.description} translations={component.translations} field="description" className="mt-0.5 text-sm text-neutral-600 dark:text-neutral-400" />
      )}
      {bars ?? (component.uptime && (
        <UptimeBars
          componentId={component.id}
          componentName={component.name}
          days={component.uptime.days}
          percent={component.uptime.percent}
        />
      ))}
    </li>
  );
}
