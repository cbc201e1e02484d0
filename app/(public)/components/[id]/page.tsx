import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { localize } from '@/lib/domain/localize';
import { pageLanguage } from '@/lib/i18n/page-request';
import { requestContext } from '@/lib/services/context';
import { getComponentPage } from '@/lib/services/get-component-page';
import { LocalLink } from '@/components/i18n/locale-prefix';
import { IncidentLine } from '@/components/status/incident-line';
import { PageHeader } from '@/components/status/page-header';
import { StatusIcon } from '@/components/status/status-icon';
import { statusUnknown, ThirdPartyLabel } from '@/components/status/third-party-label';
import { STATUS_TEXT } from '@/components/status/status-style';
import { TranslatedText } from '@/components/status/translated-text';
import { UptimeCalendar } from '@/components/status/uptime-calendar';
import { FigureLink, UptimeFigures } from '@/components/status/uptime-figures';
import { periodLabel, UptimeFormula } from '@/components/status/uptime-formula';
import { currentMemberViewer, memberAudiences } from '@/lib/auth/member-session';

export const dynamic = 'force-dynamic';

// A signed-in member's request (never a snapshot) may open their audiences' private components.
const load = cache(async (id: string) => getComponentPage({ ctx: await requestContext(), id, viewer: memberAudiences(await currentMemberViewer()) }));

export async function generateMetadata({ params }: PageProps<'/components/[id]'>): Promise<Metadata> {
  const found = await load((await params).id);
  const [t, lang] = await Promise.all([getTranslations('uptime.page'), pageLanguage()]);
  if (!found) return { title: t('notFoundTitle') };
  const name = localize(found.target.name, found.target.translations, 'name', lang.locale, lang.defaultLocale).text;
  return { title: t('metaTitle', { name, page: found.page.name }) };
}

const LINK = 'inline-flex min-h-6 items-center underline underline-offset-2';

export default async function ComponentPage({ params }: PageProps<'/components/[id]'>) {
  const view = await load((await params).id);
  // The snapshot layer answers the same 404s from its index (lib/snapshot/page-keys.ts).
  if (!view) notFound();
  const [t, status, common, periodTexts, lang] = await Promise.all([
    getTranslations('uptime.page'),
    getTranslations('status'),
    getTranslations('common'),
    getTranslations('uptime.period'),
    pageLanguage(),
  ]);
  const { target } = view;
  const thisMonth = view.months[0];
  const thisMonthLabel = thisMonth && periodLabel(thisMonth, lang.locale, periodTexts);
  return (
    <>
      <PageHeader page={view.page} />
      <nav aria-label={t('breadcrumb')} className="text-sm text-neutral-600 dark:text-neutral-400">
        <LocalLink prefetch={false} href="/" className={LINK}>{common('currentStatus')}</LocalLink>
        {target.group && (
          <>
            {' / '}
            <LocalLink prefetch={false} href={`/components/${target.group.id}`} className={LINK}>
              <TranslatedText original={target.group.name} translations={target.group.translations} field="name" />
            </LocalLink>
          </>
        )}
      </nav>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words">
            <TranslatedText original={target.name} translations={target.translations} field="name" note />
          </h1>
          {target.description && (
            <TranslatedText as="p" original={target.description} translations={target.translations} field="description" className="mt-1 text-neutral-600 dark:text-neutral-400" />
          )}
          {target.upstream && <ThirdPartyLabel upstream={target.upstream} timeZone={view.page.timeZone} />}
        </div>
        {statusUnknown(target.upstream) ? (
          <p className="shrink-0 font-medium text-neutral-700 dark:text-neutral-300">{status('componentUnknown')}</p>
        ) : (
          <p className={`flex shrink-0 items-center gap-1.5 font-medium ${STATUS_TEXT[target.status]}`}>
            <StatusIcon status={target.status} />
            {status(`component.${target.status}`)}
          </p>
        )}
      </div>

      {target.kind === 'group' && (
        <section aria-labelledby="members" className="mt-6">
          <h2 id="members" className="text-lg font-semibold">{status('components')}</h2>
          <ul className="mt-2 divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900">
            {target.members.length === 0 && <li className="px-4 py-2 text-neutral-600 dark:text-neutral-400">{t('noMembers')}</li>}
            {target.members.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-3 px-4 py-2">
                <LocalLink prefetch={false} href={`/components/${m.id}`} className="min-w-0 font-medium break-words underline-offset-2 hover:underline">
                  <TranslatedText original={m.name} translations={m.translations} field="name" />
                </LocalLink>
                <span className={`flex shrink-0 items-center gap-1.5 text-sm ${STATUS_TEXT[m.status]}`}>
                  <StatusIcon status={m.status} />
                  {status(`component.${m.status}`)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="calendar" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="calendar" className="text-lg font-semibold">{t('calendarHeading')}</h2>
          {thisMonth && (
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              {thisMonthLabel}: <FigureLink percent={thisMonth.percent} label={thisMonthLabel!} />
            </p>
          )}
        </div>
        <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">{t('calendarHelp', { zone: view.page.timeZone })}</p>
        <UptimeCalendar months={view.calendar} />
        <Legend />
      </section>

      <section aria-labelledby="figures" className="mt-8">
        <h2 id="figures" className="text-lg font-semibold">{t('figuresHeading')}</h2>
        <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
          {t.rich('figuresHelp', {
            link: (chunks) => (
              <a href="#how-uptime-is-computed" className="underline underline-offset-2">
                {chunks}
              </a>
            ),
          })}{' '}
          <LocalLink prefetch={false} href={target.kind === 'component' ? `/uptime?component=${target.id}` : '/uptime'} className="underline underline-offset-2">
            {t('reportLink')}
          </LocalLink>
        </p>
        <div className="grid gap-4">
          <UptimeFigures caption={t('byYear')} figures={view.years} rule={view.rule} />
          <UptimeFigures caption={t('byQuarter')} figures={view.quarters} rule={view.rule} />
          <UptimeFigures caption={t('byMonth')} figures={view.months} rule={view.rule} />
        </div>
      </section>

      <section aria-labelledby="incidents" className="mt-8">
        <h2 id="incidents" className="text-lg font-semibold">{t('incidentsHeading')}</h2>
        {view.incidents.length === 0 ? (
          <p className="mt-2 text-neutral-600 dark:text-neutral-400">
            {t('noIncidents', { name: localize(target.name, target.translations, 'name', lang.locale, lang.defaultLocale).text })}
          </p>
        ) : (
          <ul className="mt-2 space-y-3">
            {view.incidents.map((i) => (
              <IncidentLine key={i.id} incident={i} timeZone={view.page.timeZone} />
            ))}
          </ul>
        )}
      </section>

      <UptimeFormula rule={view.rule} timeZone={view.page.timeZone} group={target.kind === 'group'} />
    </>
  );
}

/** What each colour of the calendar means. */
function Legend() {
  const t = useTranslations('uptime.legend');
  const items: [string, string][] = [
    ['bg-bar-operational', t('operational')],
    ['bg-bar-degraded', t('degraded')],
    ['bg-bar-partial', t('partial')],
    ['bg-bar-major', t('major')],
    ['bg-bar-maintenance', t('maintenance')],
    ['bg-bar-nodata', t('noData')],
  ];
  return (
    <ul aria-label={t('label')} className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-neutral-600 dark:text-neutral-400">
      {items.map(([cls, label]) => (
        <li key={cls} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-[3px] ${cls}`} />
          {label}
        </li>
      ))}
    </ul>
  );
}
