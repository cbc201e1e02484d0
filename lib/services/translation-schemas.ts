import { z } from 'zod';
import type { Translations, TranslatableField } from '@/lib/domain/localize';
import { DEFAULT_LOCALE, LOCALES, isLocale } from '@/lib/i18n/locales';

const LIMITS: Record<TranslatableField, z.ZodString> = {
  name: z.string().trim().max(255, 'must be at most 255 characters'),
  title: z.string().trim().max(255, 'must be at most 255 characters'),
  description: z.string().trim().max(2000, 'must be at most 2,000 characters'),
  body: z.string().max(50_000, 'must be at most 50,000 characters'),
};

const OTHER_LOCALES = LOCALES.filter((l) => l !== DEFAULT_LOCALE);

/**
 * Per-language texts beside an original (Beacon extension, issue #15): `{ de: { name, body } }`.
 * A language Beacon does not speak, or the original's own, is refused naming the key the
 * caller sent (`translations.xx`); a field the entity does not translate is refused too. Empty
 * texts are dropped, so sending "" removes a translation.
 */
export function TranslationsInput<F extends TranslatableField>(fields: readonly F[]) {
  const entry = z.strictObject(Object.fromEntries(fields.map((f) => [f, LIMITS[f].optional()])) as Record<F, z.ZodOptional<z.ZodString>>, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `only ${fields.join(', ')} can be translated` : 'must be an object of texts'),
  });
  return z
    .record(z.string(), entry, { error: 'must be an object keyed by language' })
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!isLocale(key) || key === DEFAULT_LOCALE) {
          ctx.addIssue({ code: 'custom', path: [key], message: `is not a language Beacon translates into (use ${OTHER_LOCALES.join(', ')})` });
        }
      }
    })
    .transform((value) => compact(value as Translations));
}

function compact(value: Translations): Translations {
  const out: Translations = {};
  for (const [locale, texts] of Object.entries(value) as [keyof Translations, Record<string, string | undefined>][]) {
    const kept = Object.fromEntries(Object.entries(texts ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
    if (Object.keys(kept).length > 0) out[locale] = kept;
  }
  return out;
}
