import { describe, expect, it } from 'vitest';
import { withStaleBanner } from '@/lib/snapshot/stale-banner';

const AS_OF = '2026-12-02T09:30:00.000Z';

describe('withStaleBanner', () => {
  it('speaks the page’s language, with the time in a <time> element', () => {
    const out = withStaleBanner('<html lang="de"><body class="x"><main>…</main></body></html>', AS_OF);
    expect(out).toContain('<body class="x"><div role="status" data-snapshot-stale="true"');
    expect(out).toContain('Stand <time datetime="2026-12-02T09:30:00.000Z">2026-12-02 09:30 UTC</time>; Live-Daten sind vorübergehend nicht verfügbar.</div><main>');
  });

  it('falls back to English for a page without a known language', () => {
    expect(withStaleBanner('<html><body>', AS_OF)).toContain('>Status as of <time datetime="2026-12-02T09:30:00.000Z">2026-12-02 09:30 UTC</time>; live data temporarily unavailable.</div>');
    expect(withStaleBanner('<html lang="xx"><body>', AS_OF)).toContain('Status as of');
  });
});
