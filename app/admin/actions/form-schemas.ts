import { z } from 'zod';
import { withSelection } from '@/lib/domain/component-selection';
import { COMPONENT_STATUSES, IMPACTS } from '@/lib/domain/status';

/** Form-field parsers shared by admin actions: HTML forms send strings and omit unchecked boxes. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

/** A `datetime-local` value sent with the browser's offset in a hidden field (ISO with zone). */
export const optionalIso = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.iso.datetime({ offset: true, message: 'must be a date and time' }).optional(),
);

export const impactOverride = z.preprocess(
  (v) => (v === '' || v === 'auto' || v === undefined ? null : v),
  z.enum(IMPACTS).nullable(),
);

/**
 * Pulls the components an update changes out of a form: each `component.<id>` select, then the
 * components ticked in `bulk[]` get `bulkStatus` (the picker's "set one status for the
 * selection", also without JavaScript) unless their own select says otherwise.
 */
export function componentChanges(data: Record<string, unknown>) {
  const status = z.enum(COMPONENT_STATUSES);
  const own = Object.entries(data)
    .filter(([key, value]) => key.startsWith('component.') && typeof value === 'string' && value !== '')
    .map(([key, value]) => ({ id: key.slice('component.'.length), status: status.parse(value) }));
  const bulk = typeof data.bulkStatus === 'string' && data.bulkStatus !== '' ? status.parse(data.bulkStatus) : undefined;
  const ticked = Array.isArray(data.bulk) ? data.bulk.filter((id): id is string => typeof id === 'string') : [];
  return withSelection(own, ticked, bulk);
}

export const commaList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  z.array(z.string().max(100)).max(50),
);

const TRANSLATION_FIELD = /^translations\[([^\][]{1,20})\]\[([^\][]{1,20})\]$/;

/**
 * The console's "Translations" fields (`translations[de][name]`, …) as `{ de: { name } }`, for the
 * service to check: a language or field it does not know is refused there, by name. Empty
 * fields are dropped (no translation); undefined when the form had none.
 */
export function translationsFrom(data: Record<string, unknown>): Record<string, Record<string, string>> | undefined {
  const byLocale = new Map<string, Map<string, string>>();
  for (const [key, value] of Object.entries(data)) {
    const match = TRANSLATION_FIELD.exec(key);
    if (!match || typeof value !== 'string' || value.trim() === '') continue;
    const [, locale, field] = match as unknown as [string, string, string];
    const texts = byLocale.get(locale) ?? new Map<string, string>();
    texts.set(field, value);
    byLocale.set(locale, texts);
  }
  if (byLocale.size === 0) return undefined;
  // fromEntries defines own properties: a hand-sent "__proto__" language is a key the service refuses, not a prototype.
  return Object.fromEntries([...byLocale].map(([l, texts]) => [l, Object.fromEntries(texts)]));
}
