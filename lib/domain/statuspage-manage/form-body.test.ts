import { describe, expect, it } from 'vitest';
import { parseRailsForm, parseRequestBody } from '@/lib/domain/statuspage-manage/form-body';

describe('parseRequestBody', () => {
  it('reads JSON whatever the content type', () => {
    expect(parseRequestBody('{"incident":{"name":"x"}}')).toEqual({ incident: { name: 'x' } });
    expect(parseRequestBody('  ')).toEqual({});
  });

  it('reads Rails-style forms with lists and maps', () => {
    const body = parseRequestBody(
      'incident[name]=VPN%20down&incident[status]=identified&incident[component_ids][]=a1&incident[component_ids][]=b2&incident[components][a1]=major_outage&incident[deliver_notifications]=f',
    );
    expect(body).toEqual({
      incident: {
        name: 'VPN down',
        status: 'identified',
        component_ids: ['a1', 'b2'],
        components: { a1: 'major_outage' },
        deliver_notifications: 'f',
      },
    });
  });

  it('rejects broken JSON and malformed keys', () => {
    expect(parseRequestBody('{"incident":')).toBeUndefined();
    expect(parseRailsForm('incident[name=x')).toBeUndefined();
    expect(parseRailsForm('incident[][name]=x')).toBeUndefined();
  });
});
