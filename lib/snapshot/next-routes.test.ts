import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NextRoutes, publicFilePaths } from '@/lib/snapshot/next-routes';

// The shape of Next 16's routes-manifest.json, trimmed to a few of Beacon's routes.
const MANIFEST = {
  staticRoutes: [{ page: '/' }, { page: '/_not-found' }, { page: '/admin' }, { page: '/api' }, { page: '/history' }, { page: '/history.rss' }, { page: '/badge.svg' }],
  dynamicRoutes: [
    { page: '/incidents/[id]', regex: '^/incidents/([^/]+?)(?:/)?$' },
    { page: '/subscriptions/manage/[token]', regex: '^/subscriptions/manage/([^/]+?)(?:/)?$' },
  ],
};

describe('NextRoutes', () => {
  const routes = new NextRoutes(MANIFEST, ['/favicon-none.svg']);

  it('knows the build’s pages, route handlers, dynamic routes and public files', () => {
    for (const p of ['/', '/admin', '/api', '/history', '/history.rss', '/badge.svg', '/incidents/abc', '/subscriptions/manage/tok', '/favicon-none.svg']) {
      expect(routes.has(p), p).toBe(true);
    }
  });

  it('leaves Next its assets, the console and the APIs whatever the manifest lists', () => {
    for (const p of ['/_next/static/chunks/x.js', '/admin/incidents/new', '/api/v1/pages/x/incidents', '/api/live']) expect(routes.has(p), p).toBe(true);
  });

  it('leaves Next the paths it normalises or redirects', () => {
    for (const p of ['http://example.com/nope', '*', '/history/', '/hist%6Fry', '//history', '/x/./history', '/x/../history', '/x/..', '/a\\b']) expect(routes.has(p), p).toBe(true);
  });

  it('does not know arbitrary paths, Next’s internal pages or near misses', () => {
    for (const p of ['/nope', '/foo/bar', '/_not-found', '/wp-login.php', '/administrator', '/historyx', '/incidents/a/b', '/subscriptions/manage', '/History', '/.env', '/.well-known/security.txt']) {
      expect(routes.has(p), p).toBe(false);
    }
  });

  it('is not built without a build (development), so nothing is taken from Next', () => {
    expect(NextRoutes.load(path.join(os.tmpdir(), 'no-such-build'), 'public')).toBeNull();
  });

  it('reads the routes manifest of a build and the public folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-routes-'));
    try {
      fs.writeFileSync(path.join(dir, 'routes-manifest.json'), JSON.stringify(MANIFEST));
      fs.mkdirSync(path.join(dir, 'public', 'img'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'public', 'img', 'a b.svg'), '<svg/>');
      const loaded = NextRoutes.load(dir, path.join(dir, 'public'))!;
      expect(loaded.has('/history')).toBe(true);
      expect(loaded.has('/img/a%20b.svg')).toBe(true);
      expect(loaded.has('/img/other.svg')).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the files of Beacon’s public folder as URL paths', () => {
    expect(publicFilePaths('public')).toContain('/favicon-none.svg');
  });
});
