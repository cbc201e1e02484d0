import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/db/testing/test-db';
import { startWebhookReceiver } from '@/lib/notify/testing/webhook-receiver';
import { postWebhook } from '@/lib/notify/webhook';
import { ValidationError } from '@/lib/services/errors';
import { subscribe } from '@/lib/services/subscribe';

let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  delete process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS;
  hooks = await startWebhookReceiver();
});
afterAll(() => hooks.close());

const targets = [
  'http://127.0.0.1/hook',
  'http://localhost/hook',
  'http://[::1]/hook',
  'http://10.0.0.5/hook',
  'http://172.20.1.1/hook',
  'http://192.168.0.10/hook',
  'http://100.100.100.100/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://[::ffff:127.0.0.1]/hook',
  'http://0.0.0.0/hook',
  'http://224.0.0.1/hook',
  'http://2130706433/hook',
  'http://0x7f.1/hook',
  'http://[::127.0.0.1]/hook',
  'http://[::ffff:0:127.0.0.1]/hook',
  'http://[64:ff9b::127.0.0.1]/hook',
  'http://[2002:7f00:1::1]/hook',
];

describe('SSRF guard (private targets not allowed)', () => {
  it.each(targets)('refuses to subscribe %s', async (url) => {
    const db = await createTestDb('sqlite');
    try {
      const attempt = subscribe({ ctx: { db: db.kysely, now: () => new Date() }, input: { type: 'webhook', url } });
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({ fields: { url: 'must be a public http(s) address' }, message: 'Invalid input: url: must be a public http(s) address' });
      expect(await db.kysely.selectFrom('subscribers').select('id').execute()).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('refuses at delivery time too, without sending a byte', async () => {
    const before = hooks.received.length;
    const result = await postWebhook({ url: `${hooks.base}/x`, secret: 'whsec_' + Buffer.from('k'.repeat(24)).toString('base64'), msgId: 'msg_1', body: '{}', now: new Date() });
    expect(result.ok).toBe(false);
    expect(result.error).toBe('must be a public http(s) address');
    expect(hooks.received.length).toBe(before);
  });

  it.each(['[::127.0.0.1]', '[::ffff:0:127.0.0.1]', '[::ffff:127.0.0.1]'])('refuses to connect to %s at delivery time', async (host) => {
    const before = hooks.received.length;
    const port = new URL(hooks.base).port;
    const result = await postWebhook({ url: `http://${host}:${port}/x`, secret: 'whsec_' + Buffer.from('k'.repeat(24)).toString('base64'), msgId: 'msg_2', body: '{}', now: new Date() });
    expect(result).toMatchObject({ ok: false, error: 'must be a public http(s) address' });
    expect(hooks.received.length).toBe(before);
  });
});
