import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeDirection } from '@/lib/i18n/locales';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = ['app', 'components'];

/**
 * Tailwind utilities and CSS properties that name a physical side: in a right-to-left language
 * they would stay on the wrong side. Their logical twins: ms/me, ps/pe, start/end, text-start,
 * border-s, rounded-s, float-start, margin-inline-start …
 */
const PHYSICAL_CLASS =
  /(?<![\w-])(?:[a-z0-9:-]*:)?(?:-?m[lr]-(?:\d|px|auto|\[)\S*|p[lr]-(?:\d|px|\[)\S*|-?(?:left|right)-(?:\d|px|full|auto|\[)\S*|text-(?:left|right)|border-[lr](?:-\S+)?|rounded-(?:[lr]|tl|tr|bl|br)(?:-\S+)?|float-(?:left|right)|space-x-reverse)(?=[\s"'`}]|$)/;
const PHYSICAL_CSS = /\b(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|\bfloat\s*:\s*(?:left|right)|\btext-align\s*:\s*(?:left|right)/;

function sourceFiles(): string[] {
  return SOURCES.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(tsx|ts|css)$/.test(e.name) && !e.name.includes('.test.'))
      .map((e) => path.join(e.parentPath, e.name)),
  );
}

/** Lines naming a physical side, outside those marked `physical-ok` (a drawing that runs left to right in every language). */
export function physicalLines(file: string, text: string): string[] {
  const css = file.endsWith('.css');
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => !line.includes('physical-ok'))
    .filter(({ line }) => {
      if (css) return PHYSICAL_CSS.test(line.replace(/\/\*.*?\*\//g, ''));
      // Class names live in strings: className="…", cn('…'), template literals.
      const strings = line.match(/(["'`])(?:(?!\1).)*\1/g) ?? [];
      return strings.some((s) => s.slice(1, -1).split(/\s+/).some((token) => PHYSICAL_CLASS.test(token)));
    })
    .map(({ line, n }) => `${path.relative(ROOT, file)}:${n}: ${line.trim()}`);
}

describe('layout for right-to-left languages', () => {
  it('uses logical sides only (start/end), in every page, component and stylesheet', () => {
    const found = sourceFiles().flatMap((file) => physicalLines(file, fs.readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check sees what it forbids, and lets the logical twins through', () => {
    expect(physicalLines('a.tsx', '<p className="ml-2 text-sm">')).toHaveLength(1);
    expect(physicalLines('a.tsx', "cn('sm:pr-4', x)")).toHaveLength(1);
    expect(physicalLines('a.tsx', '<td className="text-right">')).toHaveLength(1);
    expect(physicalLines('a.tsx', '<li className="first:rounded-l-md">')).toHaveLength(1);
    expect(physicalLines('a.tsx', '<div className="absolute -left-2 top-0">')).toHaveLength(1);
    expect(physicalLines('a.tsx', '<p className="ms-2 pe-4 text-start rounded-s-md start-0 border-s">')).toEqual([]);
    expect(physicalLines('a.tsx', "const label = 'Shift left-aligned text';")).toEqual([]);
    expect(physicalLines('a.css', '.x { padding-left: 1rem; }')).toHaveLength(1);
    expect(physicalLines('a.css', '.x { left: 0; }')).toHaveLength(1);
    expect(physicalLines('a.css', '.x { padding-inline-start: 1rem; inset-inline-start: 0; }')).toEqual([]);
    expect(physicalLines('a.css', '.x { margin-left: 0; } /* physical-ok */')).toEqual([]);
  });

  it("sets <html dir> from the language's script direction", () => {
    for (const locale of ['en', 'de', 'fr', 'it', 'es']) expect(localeDirection(locale)).toBe('ltr');
    for (const locale of ['ar', 'he', 'fa']) expect(localeDirection(locale)).toBe('rtl');
    expect(localeDirection('not a locale')).toBe('ltr');
  });
});
