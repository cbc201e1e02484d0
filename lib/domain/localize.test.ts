import { describe, expect, it } from 'vitest';
import { localize, translatedLocales, type Translations } from '@/lib/domain/localize';

const t: Translations = { de: { name: 'Datendienst gestört', body: '' }, fr: { body: 'Nous enquêtons.' } };

describe('localize', () => {
  it('returns the translation in the asked language', () => {
    expect(localize('Data service degraded', t, 'name', 'de')).toEqual({ text: 'Datendienst gestört', locale: 'de', isOriginal: false });
  });

  it('falls back to the original and names its language when the field has no translation', () => {
    expect(localize('Data service degraded', t, 'name', 'fr')).toEqual({ text: 'Data service degraded', locale: 'en', isOriginal: true });
  });

  it('treats an empty or blank translation as missing', () => {
    expect(localize('We are investigating.', t, 'body', 'de')).toEqual({ text: 'We are investigating.', locale: 'en', isOriginal: true });
    expect(localize('x', { it: { body: '   ' } }, 'body', 'it').isOriginal).toBe(true);
  });

  it('gives the original, not marked as a fallback, to readers of the original language', () => {
    expect(localize('Data service degraded', t, 'name', 'en')).toEqual({ text: 'Data service degraded', locale: 'en', isOriginal: false });
  });

  it('honours an original written in another language than English', () => {
    expect(localize('Datendienst gestört', { en: { name: 'Data service degraded' } }, 'name', 'en', 'de')).toEqual({
      text: 'Data service degraded',
      locale: 'en',
      isOriginal: false,
    });
    expect(localize('Datendienst gestört', undefined, 'name', 'de', 'de')).toEqual({ text: 'Datendienst gestört', locale: 'de', isOriginal: false });
    expect(localize('Datendienst gestört', undefined, 'name', 'es', 'de')).toEqual({ text: 'Datendienst gestört', locale: 'de', isOriginal: true });
  });

  it('lists the languages that carry any translated text', () => {
    expect(translatedLocales(t, ['en', 'de', 'fr', 'it', 'es'])).toEqual(['de', 'fr']);
    expect(translatedLocales(undefined, ['en', 'de'])).toEqual([]);
  });
});
