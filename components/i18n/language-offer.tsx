'use client';

import { useEffect, useState } from 'react';
import { isLocale, LOCALES, type Locale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE } from '@/lib/i18n/paths';

export interface OfferTexts {
  /** Each language's offer, written in that language (the reader may not read this page's). */
  offer: Record<Locale, string>;
  switchTo: Record<Locale, string>;
  dismiss: Record<Locale, string>;
}

function preferred(): Locale | null {
  const chosen = document.cookie.split('; ').find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(chosen)) return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = tag.slice(0, 2).toLowerCase();
    if (isLocale(code)) return code;
  }
  return null;
}

/**
 * On an unprefixed page, a one-line offer of the reader's own language (their earlier choice, or
 * the browser's languages). Shown by the browser only: the snapshot everyone shares stays the same
 * and no one is redirected.
 */
export function LanguageOffer({ locale, path, texts }: { locale: Locale; path: string; texts: OfferTexts }) {
  const [wanted, setWanted] = useState<Locale | null>(null);
  useEffect(() => {
    const p = preferred();
    // A value read from the browser after hydration: the server-rendered page never has it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (p && p !== locale && LOCALES.includes(p)) setWanted(p);
  }, [locale]);
  if (!wanted) return null;
  return (
    <p lang={wanted} data-language-offer={wanted} className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-neutral-200 bg-white px-3 py-2 text-sm dark:border-neutral-800 dark:bg-neutral-900">
      <span>{texts.offer[wanted]}</span>
      <a href={`/language?${new URLSearchParams({ to: wanted, from: path })}`} className="font-medium underline underline-offset-2">
        {texts.switchTo[wanted]}
      </a>
      <button type="button" onClick={() => setWanted(null)} className="ms-auto underline underline-offset-2">
        {texts.dismiss[wanted]}
      </button>
    </p>
  );
}
