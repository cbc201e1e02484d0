import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';

/** The catalogs this work owns: every language has the same keys, and every message parses as ICU. */
const NAMESPACES = ['email', 'preferences'];

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const read = (locale: string, ns: string) => JSON.parse(fs.readFileSync(path.join('messages', locale, `${ns}.json`), 'utf8')) as unknown;

describe.each(NAMESPACES)('messages/<locale>/%s.json', (ns) => {
  const english = leaves(read('en', ns)).map(([k]) => k).sort();

  it.each(LOCALES)('%s has exactly the English keys, each a valid ICU message', (locale) => {
    const messages = leaves(read(locale, ns));
    expect(messages.map(([k]) => k).sort()).toEqual(english);
    const errors: string[] = [];
    const t = createTranslator({ locale, messages: read(locale, ns) as Record<string, string>, onError: (e) => errors.push(`${e.code} ${e.message}`) }) as unknown as (
      key: string,
      values: Record<string, string | number>,
    ) => string;
    const values = { page: 'Acme', label: 'L', name: 'N', components: 'C', audiences: 'A', count: 3, time: 'T', from: 'F', until: 'U', to: 'T', url: 'https://x', language: 'en', hours: 48, minutes: 15, reason: 'R', message: 'M', status: 'S' };
    for (const [key, message] of messages) {
      expect(message.trim(), `${locale} ${key}`).not.toBe('');
      expect(t(key, values), `${locale} ${key}`).not.toBe(key);
    }
    expect(errors).toEqual([]);
  });

  it('uses every English key in the code', () => {
    const sources = ['lib/notify/email-render.ts', 'lib/notify/member-email.ts', 'lib/notify/chat/chat-alert.ts', 'components/subscriptions/preferences-labels.ts'].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    // Keys built from a status or kind (`updateStatus.${status}`) are checked by their parent.
    const dynamic = ['updateStatus.', 'maintenanceLabel.', 'componentStatus.', 'otherLabel.', 'chat.overall.'];
    for (const key of english) {
      if (dynamic.some((d) => key.startsWith(d))) continue;
      expect(sources.includes(`'${key}'`), key).toBe(true);
    }
  });
});
