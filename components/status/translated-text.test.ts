import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, type ComponentProps, type ReactElement } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { ContentLocaleProvider } from '@/components/i18n/content-locale';
import { TranslatedHtml, TranslatedText } from '@/components/status/translated-text';
import { publicMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';

/** Rendered as a page in `reader`'s language whose operators write in `original`. */
async function html(element: ReactElement, reader: Locale, original: Locale = 'en') {
  const messages = await publicMessages(reader);
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale: reader, messages, timeZone: 'UTC' } as ComponentProps<typeof NextIntlClientProvider>,
      createElement(ContentLocaleProvider, { locale: original } as ComponentProps<typeof ContentLocaleProvider>, element),
    ),
  );
}

const text = (props: Parameters<typeof TranslatedText>[0]) => createElement(TranslatedText, props);

describe('TranslatedText', () => {
  it('shows the translation alone when there is one', async () => {
    expect(await html(text({ original: 'VPN down', translations: { de: { name: 'VPN ausgefallen' } }, field: 'name' }), 'de')).toBe('<span>VPN ausgefallen</span>');
  });

  it('marks the original with its language, and adds the note in the reader’s language where asked', async () => {
    const props = { original: 'VPN down', translations: { de: { name: 'VPN ausgefallen' } }, field: 'name' as const };
    expect(await html(text(props), 'fr')).toBe('<span lang="en">VPN down</span>');
    const noted = await html(text({ ...props, as: 'h1', note: true }), 'fr');
    expect(noted).toContain('<h1 lang="en">VPN down</h1>');
    expect(noted).toContain('(Original en anglais)');
  });

  it('leaves readers of the page’s own language with the text exactly as written', async () => {
    expect(await html(text({ original: 'VPN down', field: 'name', note: true }), 'en')).toBe('<span>VPN down</span>');
    // A page written in German: its German readers see no note, its English readers are told.
    expect(await html(text({ original: 'VPN gestört', field: 'name', note: true }), 'de', 'de')).toBe('<span>VPN gestört</span>');
    expect(await html(text({ original: 'VPN gestört', field: 'name', note: true }), 'en', 'de')).toContain('(Original in German)');
  });
});

describe('TranslatedHtml', () => {
  const update = { html: '<p>We are investigating.</p>', htmlIn: { it: '<p>Stiamo indagando.</p>' } };

  it('shows the translated rendering to its readers', async () => {
    const out = await html(createElement(TranslatedHtml, update), 'it');
    expect(out).toContain('Stiamo indagando.');
    expect(out).not.toContain('investigating');
    expect(out).not.toContain('data-original-note');
  });

  it('shows the original with its language and the note otherwise', async () => {
    const out = await html(createElement(TranslatedHtml, update), 'es');
    expect(out).toContain('lang="en"');
    expect(out).toContain('We are investigating.');
    expect(out).toContain('(Original en inglés)');
  });

  it('shows nothing for an update without text', async () => {
    expect(await html(createElement(TranslatedHtml, { html: '' }), 'de')).toBe('');
  });
});
