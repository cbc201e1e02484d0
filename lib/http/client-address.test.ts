import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddressOf, compileTrust, isValidTrustSetting, stampClientAddress } from '@/lib/http/client-address';

/** What a request with these headers resolves to over a real loopback socket. */
async function resolved(trustSetting: string, headers: Record<string, string>): Promise<string> {
  const trust = compileTrust(trustSetting);
  const server = http.createServer((req, res) => {
    stampClientAddress(req, trust);
    res.end(JSON.stringify({ header: req.headers[CLIENT_ADDRESS_HEADER], raw: req.rawHeaders.filter((h) => h.toLowerCase() === CLIENT_ADDRESS_HEADER).length }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    const body = (await res.json()) as { header: string; raw: number };
    expect(body.raw).toBe(0);
    return body.header;
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describe('client address', () => {
  it('ignores X-Forwarded-For and a forged internal header with no trusted proxies', async () => {
    expect(await resolved('', { 'x-forwarded-for': '198.51.100.1', [CLIENT_ADDRESS_HEADER]: '192.0.2.1' })).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', async () => {
    expect(await resolved('10.0.0.0/8', { 'x-forwarded-for': '198.51.100.1' })).toBe('127.0.0.1');
  });

  it('takes the nearest untrusted entry behind a trusted proxy, not the spoofable left-most one', async () => {
    expect(await resolved('loopback', { 'x-forwarded-for': '6.6.6.6, 198.51.100.1' })).toBe('198.51.100.1');
    expect(await resolved('loopback, 10.0.0.0/8', { 'x-forwarded-for': '6.6.6.6, 198.51.100.1, 10.1.2.3' })).toBe('198.51.100.1');
    expect(await resolved('loopback', { 'x-forwarded-for': 'not-an-address' })).toBe('127.0.0.1');
  });

  it('reads back only a valid address, and checks the setting', () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: '::ffff:192.0.2.1' }))).toBe('192.0.2.1');
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: 'x' }))).toBe('unknown');
    expect(clientAddressOf(new Headers())).toBe('unknown');
    expect(isValidTrustSetting('loopback, 10.0.0.0/8, 192.0.2.7')).toBe(true);
    expect(isValidTrustSetting('everyone')).toBe(false);
  });
});
