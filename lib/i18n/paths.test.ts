import { describe, expect, it } from 'vitest';
import { localePath, safeReturnPath, splitLocale, withPrefix } from '@/lib/i18n/paths';

describe('language prefixes', () => {
  it('takes a known prefix off a public path', () => {
    expect(splitLocale('/de')).toEqual({ locale: 'de', rest: '/' });
    expect(splitLocale('/fr/incidents/abc')).toEqual({ locale: 'fr', rest: '/incidents/abc' });
    expect(splitLocale('/es/api')).toEqual({ locale: 'es', rest: '/api' });
  });

  it('leaves unknown prefixes, longer segments and unlocalised paths alone', () => {
    expect(splitLocale('/xx/history')).toEqual({ locale: null, rest: '/xx/history' });
    expect(splitLocale('/dev')).toEqual({ locale: null, rest: '/dev' });
    expect(splitLocale('/de/api/v2/summary.json')).toEqual({ locale: null, rest: '/de/api/v2/summary.json' });
    expect(splitLocale('/de/admin')).toEqual({ locale: null, rest: '/de/admin' });
  });

  it('prefixes every language but the default', () => {
    expect(localePath('en', '/history', 'en')).toBe('/history');
    expect(localePath('de', '/', 'en')).toBe('/de');
    expect(localePath('de', '/history?page=2', 'en')).toBe('/de/history?page=2');
    expect(localePath('en', '/', 'de')).toBe('/en');
  });

  it('keeps a request\'s prefix on the links it renders', () => {
    expect(withPrefix('', '/access/sign-in')).toBe('/access/sign-in');
    expect(withPrefix('/de', '/access/sign-in')).toBe('/de/access/sign-in');
    expect(withPrefix('/de', '/')).toBe('/de');
    expect(withPrefix('', '/')).toBe('/');
  });

  it('accepts only same-site return paths', () => {
    expect(safeReturnPath('/de/history')).toBe('/history');
    expect(safeReturnPath('//evil.example')).toBeNull();
    expect(safeReturnPath('https://evil.example')).toBeNull();
    expect(safeReturnPath('/\\evil')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });
});
