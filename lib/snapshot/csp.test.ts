import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hashSource, inlineScriptHashes, snapshotCsp } from '@/lib/snapshot/csp';
import { represent } from '@/lib/snapshot/representation';
import { SnapshotStore } from '@/lib/snapshot/store';

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

// The shape Next emits: external chunks, the bootstrap and RSC payload pushes inline.
const page = [
  '<!DOCTYPE html><html lang="en"><head>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body class="min-h-screen">',
  '<main><h1>Acme IoT</h1><p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"\\u003cscript\\u003e é"])</script>',
  '<SCRIPT>self.__next_f.push([1,"upper"])</SCRIPT >',
  '</body></html>',
].join('');

describe('snapshot content security policy', () => {
  it('hashes inline script text exactly as the browser does (UTF-8, base64 SHA-256)', () => {
    expect(hashSource('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it('allows each inline script by its hash and external scripts by origin, nothing inline beyond', () => {
    const hashes = inlineScriptHashes(page);
    expect(hashes).toEqual([
      hashSource('(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})'),
      hashSource('(self.__next_f=self.__next_f||[]).push([0])'),
      hashSource('self.__next_f.push([1,"\\u003cscript\\u003e é"])'),
      hashSource('self.__next_f.push([1,"upper"])'),
    ]);
    const policy = directives(snapshotCsp(page));
    expect(policy.get('script-src')).toEqual(["'self'", ...hashes]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // No inline styles in the markup: none allowed.
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.has('style-src-attr')).toBe(false);
  });

  it('hashes each distinct script once', () => {
    expect(inlineScriptHashes('<script>a()</script><p>x</p><script>a()</script>')).toHaveLength(1);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });

  it('allows inline <style> elements by hash and style attributes only where the markup has them', () => {
    const styled = directives(snapshotCsp('<style>.a{color:red}</style><div style="color:blue">x</div>'));
    expect(styled.get('style-src')).toEqual(["'self'", hashSource('.a{color:red}')]);
    expect(styled.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    // "style=" inside a script's text (an RSC payload) is not markup.
    expect(directives(snapshotCsp('<script>x("<b style=1>")</script>')).has('style-src-attr')).toBe(false);
  });

  it('builds the console nonce policy from the same directives', () => {
    const policy = directives(contentSecurityPolicy({ scriptSrc: ["'nonce-abc'", "'strict-dynamic'"], styleSrc: ["'nonce-abc'"] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('loosens eval and inline styles only for the development server', () => {
    const input = { scriptSrc: ["'nonce-abc'"], styleSrc: ["'nonce-abc'"] };
    const dev = directives(contentSecurityPolicy({ ...input, dev: true }));
    expect(dev.get('script-src')).toEqual(["'self'", "'nonce-abc'", "'unsafe-eval'"]);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const prod = contentSecurityPolicy({ ...input, dev: false });
    expect(prod).not.toContain('unsafe-eval');
    expect(prod).not.toContain('unsafe-inline');
  });

  it('is sent with the snapshot of / and worked out again for the stale notice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-csp-'));
    let up = true;
    const store = new SnapshotStore({
      file: path.join(dir, 'snap.json'),
      buildId: 'b',
      minIntervalMs: 0,
      settleMs: 0,
      buildSet: async () => {
        if (!up) throw new Error('connect ECONNREFUSED');
        return new Map([['/api/v2/status.json', represent('{}', { 'content-type': 'application/json' })]]);
      },
      renderHtml: async (p) => (p === '/' ? { status: 200, body: page } : { status: 404, body: '<html><body>Not found</body></html>' }),
      probe: async () => {
        if (!up) throw new Error('connect ECONNREFUSED');
      },
    });
    await store.rebuild();
    const fresh = store.lookup('/', new URLSearchParams())!;
    expect(fresh.headers['content-security-policy']).toBe(snapshotCsp(page));
    expect(store.lookup('/api/v2/status.json', new URLSearchParams())!.headers['content-security-policy']).toBeUndefined();

    up = false;
    await store.check();
    const stale = store.lookup('/', new URLSearchParams())!;
    expect(stale.body.toString()).toContain('data-snapshot-stale');
    const policy = directives(stale.headers['content-security-policy']!);
    expect(policy.get('script-src')).toEqual(["'self'", ...inlineScriptHashes(page)]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
