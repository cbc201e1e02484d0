import type { RenderedEmail } from '@/lib/notify/email-render';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * An early notice to an audience's member: the operator's words, whom it is for, and the member's
 * page (where it is shown after sign-in). Not a subscription alert: no unsubscribe link, since
 * members are told as part of their support agreement.
 */
export function renderNoticeEmail(input: {
  pageName: string;
  title: string;
  body: string;
  audienceNames: readonly string[];
  pageUrl: string;
  messageId: string;
}): RenderedEmail {
  const subject = `${input.pageName} early notice: ${input.title}`;
  const forWhom = `Private to ${input.audienceNames.join(', ')}`;
  const text = [
    input.title,
    forWhom,
    '',
    input.body,
    '',
    `This notice is not on the public status page. Sign in to see it with your status: ${input.pageUrl}`,
  ].join('\n');
  const paragraphs = input.body
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#171717;line-height:1.55">
<p style="color:#5b21b6;font-size:13px;font-weight:600">${esc(forWhom)} · early notice</p>
<h1 style="font-size:20px;margin:0 0 12px">${esc(input.title)}</h1>
${paragraphs}
<p style="color:#525252;font-size:13px">This notice is not on the public status page. <a href="${esc(input.pageUrl)}">Sign in to see it with your status</a>.</p>
</body></html>`;
  return { subject, text, html, messageId: input.messageId, headers: {} };
}
