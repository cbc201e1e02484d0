import type { Translations, TranslatableField } from '@/lib/domain/localize';
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, type Locale } from '@/lib/i18n/locales';
import { Field, TextArea, TextInput } from '@/components/ui/fields';

/** One translatable field of the entity being edited. */
export interface TranslationField {
  field: TranslatableField;
  /** Labelled as another field's word: an incident's `name` is its title. */
  labelAs?: TranslatableField;
  multiline?: boolean;
  maxLength?: number;
}

/** Each field's word in the language being written, as its translator reads it ("Titel (Deutsch)"). */
const FIELD_WORDS: Record<Exclude<Locale, 'en'>, Record<TranslatableField, string>> = {
  de: { name: 'Bezeichnung', title: 'Titel', description: 'Beschreibung', body: 'Meldung' },
  fr: { name: 'Nom', title: 'Titre', description: 'Description', body: 'Message' },
  it: { name: 'Nome', title: 'Titolo', description: 'Descrizione', body: 'Messaggio' },
  es: { name: 'Nombre', title: 'Título', description: 'Descripción', body: 'Mensaje' },
};

/**
 * The "Translations" section of a console form: one disclosure per language beside the
 * original; opening one adds that language (native `<details>`, so it works without
 * JavaScript). Fields are named `translations[<locale>][<field>]`; an empty field means no
 * translation, and readers of that language get the original with a note.
 */
export function TranslationFields({
  fields,
  values,
  idPrefix = 'tr',
}: {
  fields: readonly TranslationField[];
  values?: Translations;
  idPrefix?: string;
}) {
  const others = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== DEFAULT_LOCALE && l !== 'en');
  return (
    <fieldset className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800" data-testid={`${idPrefix}-translations`}>
      <legend className="px-1 text-sm font-medium">Translations</legend>
      <p className="mb-2 text-xs text-neutral-600 dark:text-neutral-400">
        Optional. Readers and subscribers of a language without a translation get the {LOCALE_NAMES[DEFAULT_LOCALE]} original with a note.
      </p>
      <div className="space-y-2">
        {others.map((locale) => {
          const current = values?.[locale] ?? {};
          const has = Object.values(current).some((v) => v && v.trim() !== '');
          return (
            <details key={locale} open={has} className="rounded-md border border-neutral-200 px-3 py-2 dark:border-neutral-800">
              <summary className="cursor-pointer text-sm font-medium">
                {has ? '' : 'Add '}
                <span lang={locale}>{LOCALE_NAMES[locale]}</span> ({locale})
              </summary>
              <div className="mt-2 space-y-3" lang={locale}>
                {fields.map((f) => {
                  const id = `${idPrefix}-${locale}-${f.field}`;
                  const name = `translations[${locale}][${f.field}]`;
                  return (
                    <Field key={f.field} label={`${FIELD_WORDS[locale][f.labelAs ?? f.field]} (${LOCALE_NAMES[locale]})`} htmlFor={id}>
                      {f.multiline ? (
                        <TextArea id={id} name={name} rows={4} maxLength={f.maxLength} defaultValue={current[f.field] ?? ''} />
                      ) : (
                        <TextInput id={id} name={name} maxLength={f.maxLength ?? 255} defaultValue={current[f.field] ?? ''} />
                      )}
                    </Field>
                  );
                })}
              </div>
            </details>
          );
        })}
      </div>
    </fieldset>
  );
}
