import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { emailTranslator } from '@/lib/notify/email-i18n';
import type { RenderedEmail } from '@/lib/notify/email-render';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The message with a member's one-time sign-in link to the status page, in the language of the page it was asked from. */
export function renderMemberSignInEmail(input: { pageName: string; link: string; validMinutes: number; messageId: string; locale?: Locale }): RenderedEmail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = emailTranslator(locale);
  const page = input.pageName;
  const minutes = input.validMinutes;
  const subject = t('memberSignIn.subject', { page });
  const text = [t('memberSignIn.asked', { page }), t('memberSignIn.signInHere', { minutes, url: input.link }), '', t('memberSignIn.ignoreText')].join('\n');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#171717;line-height:1.55">
<p>${esc(t('memberSignIn.asked', { page }))}</p>
<p><a href="${esc(input.link)}" style="display:inline-block;background:#171717;color:#fff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${esc(t('memberSignIn.button'))}</a></p>
<p style="color:#525252;font-size:13px">${esc(t('memberSignIn.paste', { url: input.link }))}<br>${esc(t('memberSignIn.ignoreHtml', { minutes }))}</p>
</body></html>`;
  return { subject, text, html, messageId: input.messageId, headers: {} };
}
