'use client';

import { useEffect, useRef } from 'react';
import { FIELD_ERROR, INPUT } from '@/components/subscriptions/styles';
import type { PreferencesText } from '@/components/subscriptions/preferences-labels';
import { LOCALES, LOCALE_NAMES, type Locale } from '@/lib/i18n/locales';

/**
 * The language and time zone of a subscriber's emails. Without JavaScript the zone is the one
 * the server chose (the page's, or what the subscriber has); with it, a fresh form takes the
 * browser's zone when the list has it.
 */
export function LanguageZoneFields(props: {
  text: PreferencesText;
  zones: readonly string[];
  locale: Locale;
  timeZone: string;
  /** Set when the form shows a subscriber's saved or just-sent choice: the browser's zone must not replace it. */
  keepZone?: boolean;
  errors?: { locale?: string; time_zone?: string };
}) {
  const zone = useRef<HTMLSelectElement>(null);
  const { keepZone } = props;
  useEffect(() => {
    if (keepZone || !zone.current) return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browser && [...zone.current.options].some((o) => o.value === browser)) zone.current.value = browser;
  }, [keepZone]);
  const t = props.text;
  const zones = props.zones.includes(props.timeZone) ? props.zones : [props.timeZone, ...props.zones];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="locale" className="text-sm font-semibold">
          {t.language}
        </label>
        <select id="locale" name="locale" defaultValue={props.locale} className={INPUT} aria-describedby={`locale-hint${props.errors?.locale ? ' locale-error' : ''}`} aria-invalid={!!props.errors?.locale}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <p id="locale-hint" className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          {t.languageHint}
        </p>
        {props.errors?.locale && (
          <p id="locale-error" className={FIELD_ERROR}>
            {t.errors.language.replace('{message}', props.errors.locale)}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="time_zone" className="text-sm font-semibold">
          {t.timeZone}
        </label>
        <select ref={zone} id="time_zone" name="time_zone" defaultValue={props.timeZone} className={INPUT} aria-describedby={`time_zone-hint${props.errors?.time_zone ? ' time_zone-error' : ''}`} aria-invalid={!!props.errors?.time_zone}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <p id="time_zone-hint" className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          {t.timeZoneHint}
        </p>
        {props.errors?.time_zone && (
          <p id="time_zone-error" className={FIELD_ERROR}>
            {t.errors.timeZone.replace('{message}', props.errors.time_zone)}
          </p>
        )}
      </div>
    </div>
  );
}
