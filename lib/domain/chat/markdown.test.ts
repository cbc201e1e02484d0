import { describe, expect, it } from 'vitest';
import { DISCORD_MARKDOWN } from '@/lib/domain/chat/discord';
import { GOOGLE_CHAT_HTML } from '@/lib/domain/chat/google-chat';
import { convertMarkdown, truncate } from '@/lib/domain/chat/markdown';
import { SLACK_MRKDWN } from '@/lib/domain/chat/slack';
import { TEAMS_MARKDOWN } from '@/lib/domain/chat/teams';

const SOURCE = '## Cause\n\nThe **SMSC** in _Frankfurt_ ~~was~~ is `queueing` & <b>raw</b>.\n\n- one\n- [two](https://acme.test/a?b=1|2)\n\n1. first\n2. [bad](javascript:alert(1))';

describe('markdown to chat markup', () => {
  it('writes Slack mrkdwn: *bold*, _italic_, ~strike~, <url|label>, bullets, escaped &<>', () => {
    expect(convertMarkdown(SOURCE, SLACK_MRKDWN)).toBe(
      '*Cause*\n\nThe *SMSC* in _Frankfurt_ ~was~ is `queueing` &amp; raw.\n\n• one\n• <https://acme.test/a?b=1%7C2|two>\n\n1. first\n2. bad',
    );
  });

  it('writes Discord and Mattermost markdown with punctuation escaped in plain text', () => {
    const out = convertMarkdown('a_b*c and **bold** [x](https://acme.test)', DISCORD_MARKDOWN);
    expect(out).toBe('a\\_b\\*c and **bold** [x](https://acme.test)');
  });

  it('keeps to the Teams TextBlock subset: no code or strikethrough marks', () => {
    const out = convertMarkdown(SOURCE, TEAMS_MARKDOWN);
    expect(out).toContain('**SMSC** in _Frankfurt_ was is queueing & raw.');
    expect(out).toContain('- [two](https://acme.test/a?b=1|2)');
    expect(out).not.toContain('~');
    expect(out).not.toContain('`');
  });

  it('writes the HTML Google Chat allows, with <br> for lines and escaped text', () => {
    const out = convertMarkdown(SOURCE, GOOGLE_CHAT_HTML);
    expect(out).toContain('<b>SMSC</b> in <i>Frankfurt</i> <s>was</s> is <font color="#5f6368">queueing</font> &amp; raw.');
    expect(out).toContain('• one<br>• <a href="https://acme.test/a?b=1|2">two</a>');
    expect(out).not.toContain('javascript:');
  });

  it('drops raw HTML and the target of non-http links on every platform', () => {
    for (const markup of [SLACK_MRKDWN, DISCORD_MARKDOWN, TEAMS_MARKDOWN, GOOGLE_CHAT_HTML]) {
      const out = convertMarkdown('<img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>x</script>', markup);
      expect(out).not.toMatch(/javascript:|onerror|<script/);
      expect(out).toContain('click');
    }
  });

  it('truncates with an ellipsis without splitting a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });
});
