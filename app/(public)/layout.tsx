import type { Metadata } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { createTranslator } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { publicUrl } from '@/lib/env';
import { publicMessages } from '@/lib/i18n/messages';
import { LOCALES, LOCALE_NAMES, type Locale } from '@/lib/i18n/locales';
import { localePath, withPrefix } from '@/lib/i18n/paths';
import { pageLanguage } from '@/lib/i18n/page-request';
import { LiveProvider } from '@/components/live/live-context';
import { LiveStatus } from '@/components/live/live-status';
import { StaleNotice } from '@/components/live/stale-notice';
import { LanguageOffer, type OfferTexts } from '@/components/i18n/language-offer';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';
import { LocalePrefixProvider } from '@/components/i18n/locale-prefix';
import { ContentLocaleProvider } from '@/components/i18n/content-locale';

/** Feeds and calendar announced in every public page's <head>, with absolute links; the page in every language. */
export async function generateMetadata(): Promise<Metadata> {
  const base = publicUrl();
  const [t, lang] = await Promise.all([getTranslations('common'), pageLanguage()]);
  const at = (locale: Locale) => `${base}${localePath(locale, lang.path, lang.defaultLocale)}`;
  return {
    metadataBase: new URL(base),
    alternates: {
      languages: { ...Object.fromEntries(LOCALES.map((l) => [l, at(l)])), 'x-default': `${base}${lang.path}` },
      types: {
        'application/rss+xml': [{ url: `${base}/history.rss`, title: t('feedRss') }],
        'application/atom+xml': [{ url: `${base}/history.atom`, title: t('feedAtom') }],
        'text/calendar': [{ url: `${base}/maintenance.ics`, title: t('feedCalendar') }],
      },
    },
  };
}

/** The offer line in each language, since it speaks to a reader of another one. */
async function offerTexts(): Promise<OfferTexts> {
  const texts: OfferTexts = { offer: {} as OfferTexts['offer'], switchTo: {} as OfferTexts['switchTo'], dismiss: {} as OfferTexts['dismiss'] };
  await Promise.all(
    LOCALES.map(async (locale) => {
      // Keys are checked by the catalog test, not by type: the loaded catalogs are plain JSON.
      const t = createTranslator({ locale, messages: await publicMessages(locale) }) as unknown as (key: string, values?: Record<string, string>) => string;
      texts.offer[locale] = t('common.offer', { language: LOCALE_NAMES[locale] });
      texts.switchTo[locale] = t('common.offerSwitch', { language: LOCALE_NAMES[locale] });
      texts.dismiss[locale] = t('common.offerDismiss');
    }),
  );
  return texts;
}

/** Frame of every public page: skip link, navigation and footer. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [t, lang, messages] = await Promise.all([getTranslations('common'), pageLanguage(), getMessages()]);
  const href = (path: string) => withPrefix(lang.prefix, path);
  return (
    <NextIntlClientProvider locale={lang.locale} messages={messages} timeZone="UTC">
      <LocalePrefixProvider prefix={lang.prefix}>
      <ContentLocaleProvider locale={lang.defaultLocale}>
        <LiveProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:start-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-neutral-900"
          >
            {t('skipToContent')}
          </a>
          <div className="mx-auto flex min-h-screen w-full max-w-3xl flex-col px-4 py-6 sm:px-6">
            {!lang.prefix && <LanguageOffer locale={lang.locale} path={lang.path} texts={await offerTexts()} />}
            <main id="main" className="flex-1">
              <StaleNotice />
              {children}
            </main>
            <footer className="mt-12 flex flex-wrap items-center justify-between gap-2 border-t border-neutral-200 pt-4 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
              {/* Public links never prefetch: each visitor's load would cost Next an RSC render per link,
                  which the snapshot layer does not answer. */}
              <nav aria-label={t('footerNav')} className="flex flex-wrap gap-4">
                <Link prefetch={false} href={href('/')} className="hover:underline">
                  {t('currentStatus')}
                </Link>
                <Link prefetch={false} href={href('/history')} className="hover:underline">
                  {t('incidentHistory')}
                </Link>
                <Link prefetch={false} href={href('/subscribe')} className="hover:underline">
                  {t('subscribe')}
                </Link>
                <Link prefetch={false} href={href('/uptime')} className="hover:underline">
                  {t('uptimeReport')}
                </Link>
                <a href="/history.rss" className="hover:underline">
                  RSS
                </a>
                <a href="/history.atom" className="hover:underline">
                  Atom
                </a>
                <a href="/maintenance.ics" className="hover:underline">
                  {t('calendar')}
                </a>
                <Link prefetch={false} href={href('/api')} className="hover:underline">
                  API
                </Link>
                {/* Members of a customer audience see their private components and incidents once signed in. */}
                <Link prefetch={false} href={href('/access/sign-in')} className="hover:underline">
                  {t('customerSignIn')}
                </Link>
              </nav>
              <span className="flex items-center gap-4">
                <LiveStatus />
                <span>{t('poweredBy')}</span>
              </span>
              <div className="basis-full">
                <LanguageSwitcher locale={lang.locale} path={lang.path} label={t('languages')} />
              </div>
            </footer>
          </div>
        </LiveProvider>
      </ContentLocaleProvider>
      </LocalePrefixProvider>
    </NextIntlClientProvider>
  );
}
