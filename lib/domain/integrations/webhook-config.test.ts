import { describe, expect, it } from 'vitest';
import { webhookSetup } from '@/lib/domain/integrations/webhook-config';

describe('webhookSetup', () => {
  it('writes the Alertmanager receiver with the URL and the secret as Bearer credentials', () => {
    const setup = webhookSetup({ baseUrl: 'https://status.example.com/', id: 'abc123', kind: 'alertmanager', secret: 'bint_s3cret' });
    expect(setup.url).toBe('https://status.example.com/api/integrations/abc123/alertmanager');
    expect(setup.snippet).toContain('      - url: https://status.example.com/api/integrations/abc123/alertmanager\n        send_resolved: true');
    expect(setup.snippet).toContain('            type: Bearer\n            credentials: bint_s3cret');
  });

  it('gives Grafana the /grafana URL and the contact-point steps', () => {
    const setup = webhookSetup({ baseUrl: 'http://127.0.0.1:3000', id: 'abc123', kind: 'grafana', secret: 'bint_s3cret' });
    expect(setup.url).toBe('http://127.0.0.1:3000/api/integrations/abc123/grafana');
    expect(setup.snippet).toContain('Integration "Webhook"');
    expect(setup.snippet).toContain('Credentials: bint_s3cret');
  });
});
