import { describe, expect, it } from 'vitest';
import { metrics, observeRequest, routeLabel } from '@/lib/metrics/registry';

describe('routeLabel', () => {
  it('keeps the label set bounded whatever the path', () => {
    expect(routeLabel('/')).toBe('/');
    expect(routeLabel('/incidents/abcdefghijkl')).toBe('/incidents/:id');
    expect(routeLabel('/api/v2/summary.json')).toBe('/api/v2/summary.json');
    expect(routeLabel('/api/v1/pages/abc/incidents/def')).toBe('/api/v1/*');
    expect(routeLabel('/admin/incidents/x')).toBe('/admin/*');
    expect(routeLabel('/api/v2/incidents/abcdefghijkl.json')).toBe('/api/v2/incidents/:id.json');
    expect(routeLabel('/api/v2/scheduled-maintenances/upcoming.json')).toBe('/api/v2/scheduled-maintenances/upcoming.json');
    expect(routeLabel('/api/v2/..%2F..%2Fetc%2Fpasswd')).toBe('/api/v2/*');
    expect(routeLabel('/api/v2/x1.json')).toBe('/api/v2/*');
    expect(routeLabel('/subscriptions/manage/tok123')).toBe('/subscriptions/manage/:token');
    expect(routeLabel('/subscriptions/<script>/x')).toBe('/subscriptions/*');
    expect(routeLabel('/../../etc/passwd')).toBe('other');
    expect(routeLabel(`/${'a'.repeat(5000)}`)).toBe('other');
  });
});

describe('observeRequest', () => {
  it('counts requests and latency in Prometheus format', async () => {
    observeRequest('GET', '/incidents/abcdefghijkl', 200, 12);
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/beacon_http_requests_total\{method="GET",route="\/incidents\/:id",status="200"\} \d+/);
    expect(text).toContain('beacon_http_request_duration_seconds_bucket');
  });

  it('includes the process figures: resident memory and heap used', async () => {
    const text = await metrics().registry.metrics();
    expect(Number(/^beacon_process_resident_memory_bytes (\d+)/m.exec(text)?.[1])).toBeGreaterThan(1_000_000);
    expect(text).toMatch(/^beacon_nodejs_heap_size_used_bytes \d+/m);
  });
});
