import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/render/markdown';

describe('renderMarkdown', () => {
  it('renders the markdown operators write', () => {
    const html = renderMarkdown('**Data service** is degraded:\n\n- APN `iot.acme`\n- [details](https://example.com/x)');
    expect(html).toContain('<strong>Data service</strong>');
    expect(html).toContain('<code>iot.acme</code>');
    expect(html).toContain('<li>');
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
  });

  it('removes scripts, event handlers, styles and javascript: links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(2)><p style="color:red" onclick="x()">hi</p>\n\n[x](javascript:alert(3))\n\n<iframe src="//evil"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|style=|href="javascript:|<iframe|<img/i);
    expect(html).toContain('hi');
  });

  it('demotes h1 so updates never outrank the page title', () => {
    expect(renderMarkdown('# Root cause')).toBe('<h2>Root cause</h2>');
  });
});
