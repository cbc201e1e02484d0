import { describe, expect, it } from 'vitest';
import { NoticeBody, NoticePatchBody, readNoticeStatusFilter, toSendNoticeInput } from '@/lib/domain/statuspage-manage/notice-requests';

describe('notice request bodies', () => {
  it('maps Statuspage-style names to the sendNotice input, null as not sent', () => {
    expect(toSendNoticeInput(NoticeBody.parse({ title: 'T', body: 'B', page_access_group_ids: ['g1', 'g2'], min_support_level: null }))).toEqual({
      title: 'T', body: 'B', audienceIds: ['g1', 'g2'], minLevel: undefined,
    });
    expect(toSendNoticeInput(NoticeBody.parse({ min_support_level: 'business' }))).toEqual({ title: '', body: '', audienceIds: undefined, minLevel: 'business' });
  });

  it('refuses a level that does not exist and lists that are not lists', () => {
    expect(NoticeBody.safeParse({ min_support_level: 'platinum' }).error?.issues[0]).toMatchObject({ path: ['min_support_level'], message: 'must be standard, business or enterprise' });
    expect(NoticeBody.safeParse({ page_access_group_ids: 'g1' }).error?.issues[0]).toMatchObject({ path: ['page_access_group_ids'], message: 'must be an array of ids' });
  });

  it('closes and nothing else', () => {
    expect(NoticePatchBody.parse({ status: 'closed', title: 'ignored' })).toEqual({ status: 'closed' });
    expect(NoticePatchBody.safeParse({ status: 'open' }).success).toBe(false);
    expect(NoticePatchBody.safeParse({}).success).toBe(false);
  });

  it('reads the status filter: absent or empty is every notice, an unknown one is refused', () => {
    expect(readNoticeStatusFilter(null)).toEqual({ status: null });
    expect(readNoticeStatusFilter('')).toEqual({ status: null });
    expect(readNoticeStatusFilter('closed')).toEqual({ status: 'closed' });
    expect(readNoticeStatusFilter('__proto__')).toBeUndefined();
  });
});
