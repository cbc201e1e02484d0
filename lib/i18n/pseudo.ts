import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Messages } from '@/lib/i18n/messages';

/**
 * A pseudo-locale for layout tests: every catalog string accented, about 40 % longer and wrapped in
 * ⟦ ⟧, so a page shows at a glance which text is not from the catalogs and whether longer languages
 * fit. Placeholders, plurals, selects and rich-text tags are kept as they are; only literal text
 * changes. `BEACON_PSEUDO_LOCALE=1` serves it in place of English (a test server's switch).
 */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** How much longer a stretched string is than its original (the usual allowance for German). */
export const PSEUDO_STRETCH = 0.4;

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => ACCENTED[ch] ?? ch);
}

/** The letters a string's literal parts hold (what the stretch is measured on). */
function literalLength(elements: MessageFormatElement[]): number {
  let n = 0;
  for (const el of elements) {
    if (el.type === TYPE.literal) n += el.value.length;
    else if (el.type === TYPE.tag) n += literalLength(el.children);
  }
  return n;
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el): MessageFormatElement => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([key, option]) => [key, { ...option, value: pseudoElements(option.value) }]));
      return { ...el, options } as MessageFormatElement;
    }
    return el;
  });
}

/** Stretches one branch: accents its literals and pads it by PSEUDO_STRETCH of their length. */
function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  const pad = Math.ceil(literalLength(elements) * PSEUDO_STRETCH);
  // Padding is words, not one long run, so it wraps the way a longer translation would.
  const padding = pad > 0 ? ` ${'~'.repeat(pad - 1)}`.replace(/(~{7})~/g, '$1 ') : '';
  return [...transform(elements), { type: TYPE.literal, value: padding } as MessageFormatElement];
}

/** One ICU message in the pseudo-locale. */
export function pseudoMessage(message: string): string {
  const ast = parse(message, { requiresOtherClause: false });
  if (literalLength(ast) === 0 && ast.every((el) => el.type !== TYPE.plural && el.type !== TYPE.select)) return message;
  return `${PSEUDO_OPEN}${printAST(pseudoElements(ast))}${PSEUDO_CLOSE}`;
}

function pseudoTree(tree: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? pseudoMessage(value) : value && typeof value === 'object' ? pseudoTree(value as Record<string, unknown>) : value]),
  );
}

/** Every namespace of a catalog in the pseudo-locale. */
export function pseudoMessages(messages: Messages): Messages {
  return pseudoTree(messages) as Messages;
}
