import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

/**
 * Plain links (no script needed) through /language, which remembers the choice in a cookie and
 * sends the reader on to the same page in that language.
 */
export function LanguageSwitcher({ locale, path, label }: { locale: Locale; path: string; label: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-3 gap-y-1">
      {LOCALES.map((code) => (
        <a
          key={code}
          href={`/language?${new URLSearchParams({ to: code, from: path })}`}
          hrefLang={code}
          lang={code}
          aria-current={code === locale ? 'true' : undefined}
          className={code === locale ? 'font-semibold' : 'hover:underline'}
        >
          {LOCALE_NAMES[code]}
        </a>
      ))}
    </nav>
  );
}
