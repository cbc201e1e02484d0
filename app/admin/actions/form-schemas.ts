import { z } from 'zod';
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

/** Pulls `component.<id>` selects out of a form: the components an update changes. */
export function componentChanges(data: Record<string, unknown>) {
  const status = z.enum(COMPONENT_STATUSES);
  return Object.entries(data)
    .filter(([key, value]) => key.startsWith('component.') && typeof value === 'string' && value !== '')
    .map(([key, value]) => ({ id: key.slice('component.'.length), status: status.parse(value) }));
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
