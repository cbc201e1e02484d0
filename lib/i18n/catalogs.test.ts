import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { PUBLIC_NAMESPACES } from '@/lib/i18n/messages';

const ROOT = path.resolve(__dirname, '../..');
const MESSAGES = path.join(ROOT, 'messages');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function catalog(locale: string, file: string): Map<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(MESSAGES, locale, file), 'utf8')) as Tree);
}

/** Every namespace file English has, including the other catalogs (emails, preferences). */
const namespaceFiles = fs.readdirSync(path.join(MESSAGES, 'en')).filter((f) => f.endsWith('.json'));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

describe('message catalogs', () => {
  it('has every public namespace', () => {
    for (const ns of PUBLIC_NAMESPACES) expect(namespaceFiles).toContain(`${ns}.json`);
  });

  for (const file of namespaceFiles) {
    it(`${file}: the same keys in every language, each a valid ICU message`, () => {
      const en = catalog('en', file);
      for (const locale of LOCALES) {
        const other = fs.existsSync(path.join(MESSAGES, locale, file)) ? catalog(locale, file) : new Map<string, string>();
        expect([...other.keys()].sort(), `${locale}/${file}`).toEqual([...en.keys()].sort());
        for (const [key, message] of other) {
          expect(() => parse(message), `${locale}/${file} ${key}`).not.toThrow();
          expect(message.trim(), `${locale}/${file} ${key} is empty`).not.toBe('');
        }
      }
    });
  }

  it('uses every key of the public namespaces somewhere in the sources', () => {
    const code = [...sources(path.join(ROOT, 'app')), ...sources(path.join(ROOT, 'components'))].join('\n');
    const unused: string[] = [];
    for (const ns of PUBLIC_NAMESPACES) {
      for (const key of catalog('en', `${ns}.json`).keys()) {
        const leaf = key.split('.')[0]!;
        // Keys picked by value (`status.${s}`) are found by their group's name with the template.
        const dynamic = key.includes('.') && code.includes(`\`${leaf}.\${`);
        // A group read through its own translator: useTranslations('status.uptime') then t('byDay').
        const group = key.split('.').slice(0, -1).join('.');
        const scoped = group !== '' && code.includes(`'${ns}.${group}'`) && code.includes(`'${key.split('.').at(-1)}'`);
        if (!dynamic && !scoped && !code.includes(`'${key}'`) && !code.includes(`'${ns}.${key}'`)) unused.push(`${ns}.${key}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
