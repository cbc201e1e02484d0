'use client';

import { useLocale, useTranslations } from 'next-intl';
import { localize, type Translations, type TranslatableField } from '@/lib/domain/localize';
import type { Locale } from '@/lib/i18n/locales';
import { HtmlBlock } from '@/components/ui/html-block';
import { useContentLocale } from '@/components/i18n/content-locale';

/** The small "(Original in English)" beside a text shown in the language it was written in. */
function OriginalNote({ original }: { original: Locale }) {
  const t = useTranslations('common');
  return (
    <small className="text-xs font-normal text-neutral-600 dark:text-neutral-400" data-original-note>
      ({t('originalIn', { language: original })})
    </small>
  );
}

/**
 * An operator-written text (an incident title, a component name) in the reader's language, or
 * the original marked with its `lang`, followed by a small "original in English" note where
 * `note` asks for it (a page's heading; not every name in a list of 200 components).
 * Readers of the page's own language see the text exactly as written.
 */
export function TranslatedText({
  original,
  translations,
  field,
  as: Tag = 'span',
  className,
  note = false,
}: {
  original: string;
  translations?: Translations;
  field: TranslatableField;
  as?: 'span' | 'p' | 'h1';
  className?: string;
  note?: boolean;
}) {
  const shown = localize(original, translations, field, useLocale() as Locale, useContentLocale());
  if (!shown.isOriginal) return <Tag className={className}>{shown.text}</Tag>;
  if (!note) return <Tag className={className} lang={shown.locale}>{shown.text}</Tag>;
  return (
    <>
      <Tag className={className} lang={shown.locale}>
        {shown.text}
      </Tag>{' '}
      <OriginalNote original={shown.locale} />
    </>
  );
}

/**
 * An update's rendered text in the reader's language (`htmlIn`, rendered on the server beside the
 * original), or the original with its `lang` and the note. An empty text shows nothing.
 */
export function TranslatedHtml({ html, htmlIn, className }: { html: string; htmlIn?: Partial<Record<Locale, string>>; className?: string }) {
  const reader = useLocale() as Locale;
  const original = useContentLocale();
  const translated = reader !== original ? htmlIn?.[reader] : undefined;
  if (translated) return <HtmlBlock html={translated} className={className} />;
  if (!html || reader === original) return <HtmlBlock html={html} className={className} />;
  return (
    <>
      <HtmlBlock html={html} className={className} lang={original} />
      <OriginalNote original={original} />
    </>
  );
}
