import { describe, expect, it } from 'vitest';
import { maxAgeSeconds, nextFetchAt, pastGrace } from '@/lib/domain/upstream/polling';
import { readUpstreamSummary, summaryUrl } from '@/lib/domain/upstream/summary';

describe('upstream polling rules', () => {
  it('reads max-age, s-maxage and no-cache', () => {
    expect(maxAgeSeconds('public, max-age=120, stale-while-revalidate=30')).toBe(120);
    expect(maxAgeSeconds('s-maxage=30')).toBe(30);
    expect(maxAgeSeconds('no-cache')).toBe(0);
    expect(maxAgeSeconds(null)).toBeUndefined();
    expect(maxAgeSeconds('max-age=abc')).toBeUndefined();
  });
  it('never polls sooner than the minimum, nor later than a day', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(nextFetchAt(now, 60, 'max-age=5').toISOString()).toBe('2026-06-01T12:01:00.000Z');
    expect(nextFetchAt(now, 60, 'max-age=600').toISOString()).toBe('2026-06-01T12:10:00.000Z');
    expect(nextFetchAt(now, 60, 'max-age=999999999').toISOString()).toBe('2026-06-02T12:00:00.000Z');
  });
  it('counts the grace period from the first failure', () => {
    const now = new Date('2026-06-01T12:05:00Z');
    expect(pastGrace('2026-06-01T12:00:00Z', now, 300)).toBe(true);
    expect(pastGrace('2026-06-01T12:00:01Z', now, 300)).toBe(false);
    expect(pastGrace(null, now, 0)).toBe(false);
  });
});

describe('upstream summary documents', () => {
  it('normalises a page root or any v2 document to summary.json', () => {
    expect(summaryUrl('https://status.example.com')).toBe('https://status.example.com/api/v2/summary.json');
    expect(summaryUrl('https://status.example.com/api/v2/components.json')).toBe('https://status.example.com/api/v2/summary.json');
    expect(summaryUrl('https://example.com/status/')).toBe('https://example.com/status/api/v2/summary.json');
    expect(summaryUrl('javascript:alert(1)')).toBeUndefined();
    expect(summaryUrl('https://user:pw@example.com')).toBeUndefined();
  });
  it('keeps only the fields it reads, leaves groups out, and never links to a non-http URL', () => {
    const doc = readUpstreamSummary(
      { page: { name: 'Carrier', url: 'javascript:alert(1)', extra: 1 }, components: [{ id: 'a', name: 'SMS', status: 'partial_outage', evil: 1 }, { id: 'g', name: 'Group', status: 'operational', group: true }] },
      'https://status.carrier.example',
    );
    expect(doc).toEqual({ ok: true, page: { name: 'Carrier', url: 'https://status.carrier.example' }, components: [{ id: 'a', name: 'SMS', status: 'partial_outage' }] });
  });
  it('refuses wrong types and unknown statuses', () => {
    expect(readUpstreamSummary({ page: { name: 'P' }, components: [{ id: 1, name: 'x', status: 'operational' }] }, 'https://x').ok).toBe(false);
    expect(readUpstreamSummary({ page: { name: 'P' }, components: [{ id: 'a', name: 'x', status: 'fine' }] }, 'https://x').ok).toBe(false);
    expect(readUpstreamSummary(null, 'https://x').ok).toBe(false);
  });
});
