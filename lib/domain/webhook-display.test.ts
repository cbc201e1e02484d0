import { describe, expect, it } from 'vitest';
import { maskedWebhookUrl, subscriberTypeLabel } from '@/lib/domain/webhook-display';

describe('maskedWebhookUrl', () => {
  it('hides the secret part of chat webhook URLs', () => {
    expect(maskedWebhookUrl('https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX')).toBe('https://hooks.slack.com/services/••••');
    expect(maskedWebhookUrl('https://discord.com/api/webhooks/123/abcDEF')).toBe('https://discord.com/api/••••');
    expect(maskedWebhookUrl('https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t')).toBe('https://chat.googleapis.com/v1/••••?••••');
  });

  it('keeps what tells receivers apart: host, port and the first path segment', () => {
    expect(maskedWebhookUrl('http://127.0.0.1:8080/beacon')).toBe('http://127.0.0.1:8080/beacon');
    expect(maskedWebhookUrl('https://ops.example.com/')).toBe('https://ops.example.com');
    expect(maskedWebhookUrl('https://user:pass@ops.example.com/hook/secret')).toBe('https://ops.example.com/hook/••••');
  });

  it('shows nothing of a value that is not a URL', () => {
    expect(maskedWebhookUrl('not a url')).toBe('••••');
  });
});

describe('subscriberTypeLabel', () => {
  it('names the chat platform, or the plain kind', () => {
    expect(subscriberTypeLabel('webhook', 'teams')).toBe('Microsoft Teams');
    expect(subscriberTypeLabel('webhook', null)).toBe('webhook');
    expect(subscriberTypeLabel('email', null)).toBe('email');
  });
});
