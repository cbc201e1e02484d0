import { describe, expect, it } from 'vitest';
import { deliveryHealth, isMaintenanceSoon } from '@/lib/domain/dashboard';

const now = new Date('2026-06-01T12:00:00Z');
const healthy = { oldestPendingSeconds: null, dead: 0, failingWebhooks: 0, disabledWebhooks: 0, smtpConfigured: true };

describe('dashboard rules', () => {
  it('shows maintenance under way and maintenance starting within 7 days, not later or finished', () => {
    expect(isMaintenanceSoon({ status: 'in_progress', scheduledFor: '2026-05-01T00:00:00Z' }, now)).toBe(true);
    expect(isMaintenanceSoon({ status: 'scheduled', scheduledFor: '2026-06-08T11:59:00Z' }, now)).toBe(true);
    expect(isMaintenanceSoon({ status: 'scheduled', scheduledFor: '2026-06-08T12:01:00Z' }, now)).toBe(false);
    expect(isMaintenanceSoon({ status: 'completed', scheduledFor: '2026-06-02T00:00:00Z' }, now)).toBe(false);
    expect(isMaintenanceSoon({ status: 'scheduled', scheduledFor: null }, now)).toBe(false);
  });

  it('calls deliveries a problem when alerts are stuck or dead, a warning for mail or webhooks', () => {
    expect(deliveryHealth(healthy)).toBe('ok');
    expect(deliveryHealth({ ...healthy, oldestPendingSeconds: 60 })).toBe('ok');
    expect(deliveryHealth({ ...healthy, oldestPendingSeconds: 601 })).toBe('problem');
    expect(deliveryHealth({ ...healthy, dead: 1 })).toBe('problem');
    expect(deliveryHealth({ ...healthy, smtpConfigured: false })).toBe('warning');
    expect(deliveryHealth({ ...healthy, failingWebhooks: 1 })).toBe('warning');
    expect(deliveryHealth({ ...healthy, disabledWebhooks: 2 })).toBe('warning');
  });
});
