import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestTally } from '@/lib/metrics/request-tally';

function scrape() {
  const registry = new Registry();
  const tally = new RequestTally();
  tally.registerHistogram(registry);
  const counter = tally.counter(registry);
  return { registry, tally, counter };
}

describe('RequestTally', () => {
  it('reads plain counts into the request counter by method, route and status on scrape', async () => {
    const { registry, tally } = scrape();
    for (let i = 0; i < 3; i++) tally.record('GET', '/', 200, 0.0004);
    tally.record('GET', '/', 404, 0.002);
    const text = await registry.metrics();
    expect(text).toContain('beacon_http_requests_total{method="GET",route="/",status="200"} 3');
    expect(text).toContain('beacon_http_requests_total{method="GET",route="/",status="404"} 1');
    tally.record('GET', '/', 200, 0.0004);
    expect(await registry.metrics()).toContain('beacon_http_requests_total{method="GET",route="/",status="200"} 4');
  });

  it('writes a cumulative latency histogram per method and route, across statuses', async () => {
    const { registry, tally } = scrape();
    tally.record('GET', '/history', 200, 0.0005);
    tally.record('GET', '/history', 200, 0.003);
    tally.record('GET', '/history', 404, 0.3);
    tally.record('GET', '/history', 200, 9);
    const text = await registry.metrics();
    const bucket = (le: string) => Number(new RegExp(`beacon_http_request_duration_seconds_bucket\\{le="${le.replace('+', '\\+')}",method="GET",route="/history"\\} (\\d+)`).exec(text)?.[1]);
    expect(bucket('0.001')).toBe(1);
    expect(bucket('0.005')).toBe(2);
    expect(bucket('0.25')).toBe(2);
    expect(bucket('0.5')).toBe(3);
    expect(bucket('5')).toBe(3);
    expect(bucket('+Inf')).toBe(4);
    expect(text).toContain('beacon_http_request_duration_seconds_count{method="GET",route="/history"} 4');
    expect(Number(/beacon_http_request_duration_seconds_sum\{method="GET",route="\/history"\} ([\d.]+)/.exec(text)?.[1])).toBeCloseTo(9.3035, 6);
    expect(text).toContain('# TYPE beacon_http_request_duration_seconds histogram');
  });
});
