'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';

/** The language operators write in: the page's default language (page settings). */
const ContentLocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function ContentLocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <ContentLocaleContext.Provider value={locale}>{children}</ContentLocaleContext.Provider>;
}

/** The language an untranslated operator text is written in. */
export function useContentLocale(): Locale {
  return useContext(ContentLocaleContext);
}
