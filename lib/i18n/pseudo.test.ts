import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessage, pseudoMessages } from '@/lib/i18n/pseudo';

const EN = path.resolve(__dirname, '../../messages/en');

function strings(tree: Record<string, unknown>): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? strings(v as Record<string, unknown>) : []));
}

describe('pseudo-locale', () => {
  it('accents and stretches literal text by about 40 %, bracketed', () => {
    const out = pseudoMessage('All Systems Operational');
    expect(out.startsWith(PSEUDO_OPEN) && out.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(out).toContain('Áļļ Šýšţéɱš Öþéŕáţíöñáļ');
    expect(out.length - 2).toBeGreaterThanOrEqual(Math.floor('All Systems Operational'.length * 1.4));
  });

  it('keeps placeholders, plurals and rich-text tags working', () => {
    const plural = new IntlMessageFormat(pseudoMessage('{count, plural, one {# update} other {# updates}} by {name}'), 'en');
    expect(plural.format({ count: 3, name: 'NOC' })).toMatch(/^⟦3 ûþðáţéš ~* ?~*ƀý NOC ~*⟧$/u);
    const rich = new IntlMessageFormat(pseudoMessage('Read <strong>the formula</strong>'), 'en');
    const parts = rich.format({ strong: (chunks: unknown) => `[${String(chunks)}]` }) as unknown;
    expect(JSON.stringify(parts)).toContain('[ţĥé ƒöŕɱûļá');
  });

  it('leaves a message with no text alone', () => {
    expect(pseudoMessage('{name}')).toBe('{name}');
  });

  it('turns every English catalog string into a message that still formats', () => {
    for (const file of fs.readdirSync(EN).filter((f) => f.endsWith('.json'))) {
      const tree = JSON.parse(fs.readFileSync(path.join(EN, file), 'utf8')) as Record<string, unknown>;
      const pseudo = pseudoMessages({ [file]: tree as Record<string, Record<string, unknown>> });
      for (const [original, stretched] of strings(tree).map((s, i) => [s, strings(pseudo)[i]!] as const)) {
        expect(() => new IntlMessageFormat(stretched, 'en'), `${file}: ${original}`).not.toThrow();
      }
    }
  });
});
