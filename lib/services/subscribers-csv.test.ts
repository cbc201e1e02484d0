import { describe, expect, it } from 'vitest';
import { subscribersCsv, type SubscriberListItem } from '@/lib/services/admin-subscribers';

const item: SubscriberListItem = {
  id: 'sub000000001',
  kind: 'email',
  email: 'a@example.com',
  url: null,
  chatPlatform: null,
  state: 'active',
  allComponents: true,
  events: 'all',
  maintenance: true,
  createdAt: '2026-03-01T12:00:00.000Z',
  confirmedAt: null,
  failingSince: null,
};

describe('subscriber CSV export', () => {
  it('writes a header and one CRLF-ended row per subscriber, booleans and nulls as text', () => {
    expect(subscribersCsv([item])).toBe(
      'id,type,email,url,state,components,events,maintenance,created_at,confirmed_at\r\n' +
        'sub000000001,email,a@example.com,,active,all,all,true,2026-03-01T12:00:00.000Z,\r\n',
    );
  });

  it.each([
    ['=', '=1+2', "'=1+2"],
    ['+', '+1', "'+1"],
    ['-', '-1', "'-1"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1', "'\t=1"],
    ['CR', '\r=1', '"\'\r=1"'],
  ])('defuses a cell starting with %s', (_, value, cell) => {
    const row = subscribersCsv([{ ...item, email: value }]).split('\r\n')[1]!;
    expect(row.split(',')[2]).toBe(cell);
  });

  it('quotes commas, quotes and line breaks', () => {
    const row = subscribersCsv([{ ...item, email: 'x"y', url: 'a,b\nc' }]).split('\r\n')[1]!;
    expect(row).toContain(',"x""y","a,b\nc",');
  });
});
