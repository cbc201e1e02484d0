import { describe, expect, it } from 'vitest';
import { checkRouterState } from '@/lib/http/router-state';

/** What Chromium sent on a live refresh of `/` (Next 16). */
const REFRESH_TREE =
  '%5B%22%22%2C%7B%22children%22%3A%5B%22(public)%22%2C%7B%22children%22%3A%5B%22(overview)%22%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C4%5D%7D%2Cnull%2Cnull%2C8%5D%7D%2Cnull%2C%22refetch%22%2C24%5D';

describe('checkRouterState', () => {
  it('lets through no header and the trees the client router sends', () => {
    expect(checkRouterState({})).toBeUndefined();
    expect(checkRouterState({ 'next-router-state-tree': REFRESH_TREE })).toBeUndefined();
    expect(checkRouterState({ 'next-router-state-tree': '%5B%22%22%2C%7B%7D%2Cnull%2C%22metadata-only%22%5D' })).toBeUndefined();
  });

  it('refuses junk, broken escapes, wrong shapes, repeats and oversized trees with a 400 naming the header', () => {
    for (const value of ['junk', '%ZZ', '%5B%22%22', '%5B%22%22%2C%7B%22children%22%3A%5B%22x%22%5D%7D%5D', '%5B'.repeat(300), '%7B%7D', ['a', 'b'], `%5B%22${'x'.repeat(50_000)}%22%5D`]) {
      const refusal = checkRouterState({ 'next-router-state-tree': value });
      expect(refusal, String(value).slice(0, 40)).toMatchObject({ status: 400, code: 'bad_router_state' });
      expect(refusal!.message).toMatch(/^Next-Router-State-Tree: /);
    }
  });
});
