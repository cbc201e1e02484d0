import type { RenderedEmail } from '@/lib/notify/email-render';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The message with a member's one-time sign-in link to the status page. */
export function renderMemberSignInEmail(input: { pageName: string; link: string; validMinutes: number; messageId: string }): RenderedEmail {
  const subject = `Sign in to ${input.pageName}`;
  const text = [
    `Someone (we hope you) asked to sign in to the ${input.pageName} status page with this address.`,
    `Sign in here (the link works once, for ${input.validMinutes} minutes): ${input.link}`,
    '',
    'If you did not ask, ignore this message: nothing happens without the link.',
  ].join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#171717;line-height:1.55">
<p>Someone (we hope you) asked to sign in to the ${esc(input.pageName)} status page with this address.</p>
<p><a href="${esc(input.link)}" style="display:inline-block;background:#171717;color:#fff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">Sign in</a></p>
<p style="color:#525252;font-size:13px">Or paste this link into your browser: ${esc(input.link)}<br>It works once, for ${input.validMinutes} minutes. If you did not ask, ignore this message.</p>
</body></html>`;
  return { subject, text, html, messageId: input.messageId, headers: {} };
}
