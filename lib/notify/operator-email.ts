import type { RenderedEmail } from '@/lib/notify/email-render';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The message with an operator's one-time password-reset link. */
export function renderPasswordResetEmail(input: {
  pageName: string;
  operatorName: string;
  link: string;
  validMinutes: number;
  requestedBy: string;
  messageId: string;
}): RenderedEmail {
  const subject = `[${input.pageName} console] Set a new password`;
  const text = [
    `Hello ${input.operatorName},`,
    '',
    `${input.requestedBy} asked for your ${input.pageName} console password to be reset.`,
    `Set a new one here (the link works once, for ${input.validMinutes} minutes): ${input.link}`,
    '',
    'Your open sessions end when the new password is set. If you did not expect this, tell your admin.',
  ].join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#171717;line-height:1.55">
<p>Hello ${esc(input.operatorName)},</p>
<p>${esc(input.requestedBy)} asked for your ${esc(input.pageName)} console password to be reset.</p>
<p><a href="${esc(input.link)}" style="display:inline-block;background:#171717;color:#fff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">Set a new password</a></p>
<p style="color:#525252;font-size:13px">Or paste this link into your browser: ${esc(input.link)}<br>It works once, for ${input.validMinutes} minutes. Your open sessions end when the new password is set.</p>
</body></html>`;
  return { subject, text, html, messageId: input.messageId, headers: {} };
}
