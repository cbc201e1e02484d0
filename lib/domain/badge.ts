import { xmlEscape } from '@/lib/domain/feeds/xml';
import type { ComponentStatus, Indicator } from '@/lib/domain/status';

/** Badge colours by page indicator and by component status. */
const INDICATOR_COLOR: Record<Indicator, string> = {
  none: '#2e7d32',
  maintenance: '#1565c0',
  minor: '#b26a00',
  major: '#d84315',
  critical: '#c62828',
};
const COMPONENT_COLOR: Record<ComponentStatus, string> = {
  operational: INDICATOR_COLOR.none,
  under_maintenance: INDICATOR_COLOR.maintenance,
  degraded_performance: INDICATOR_COLOR.minor,
  partial_outage: INDICATOR_COLOR.major,
  major_outage: INDICATOR_COLOR.critical,
};

/** The colour a badge takes for a page indicator or a component status. */
export function badgeColor(state: { indicator: Indicator } | { status: ComponentStatus }): string {
  return 'indicator' in state ? INDICATOR_COLOR[state.indicator] : COMPONENT_COLOR[state.status];
}

// Rough Verdana 11px advance widths: wide enough never to clip, close enough to look right.
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[A-Z@MWmw%]/.test(ch) ? 8.5 : /[ilj.,:;'|!]/.test(ch) ? 3.5 : 6.8;
  return Math.ceil(w);
}

/** A flat two-part SVG badge ("label | message"), all text escaped. */
export function badgeSvg(input: { label: string; message: string; color: string }): string {
  const label = xmlEscape(input.label);
  const message = xmlEscape(input.message);
  const lw = textWidth(input.label) + 12;
  const mw = textWidth(input.message) + 12;
  const width = lw + mw;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${label}: ${message}">`,
    `<title>${label}: ${message}</title>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    '<g clip-path="url(#r)">',
    `<rect width="${lw}" height="20" fill="#555"/>`,
    `<rect x="${lw}" width="${mw}" height="20" fill="${xmlEscape(input.color)}"/>`,
    '</g>',
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
    `<text x="${lw / 2}" y="14">${label}</text>`,
    `<text x="${lw + mw / 2}" y="14">${message}</text>`,
    '</g>',
    '</svg>',
  ].join('');
}
