import { describe, expect, it } from 'vitest';
import { badgeColor, badgeSvg } from '@/lib/domain/badge';

describe('badges', () => {
  it('escapes label and message so no markup gets through', () => {
    const svg = badgeSvg({ label: '<script>alert(1)</script>', message: 'A & "B"', color: '#2e7d32' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('A &amp; &quot;B&quot;');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('colours by page indicator and by component status', () => {
    expect(badgeColor({ indicator: 'none' })).toBe(badgeColor({ status: 'operational' }));
    expect(badgeColor({ indicator: 'critical' })).toBe(badgeColor({ status: 'major_outage' }));
    expect(new Set(['none', 'maintenance', 'minor', 'major', 'critical'].map((i) => badgeColor({ indicator: i as 'none' }))).size).toBe(5);
  });

  it('grows with the text', () => {
    const width = (s: string) => Number(/width="(\d+)"/.exec(badgeSvg({ label: 'x', message: s, color: '#000' }))![1]);
    expect(width('All Systems Operational')).toBeGreaterThan(width('OK'));
  });
});
