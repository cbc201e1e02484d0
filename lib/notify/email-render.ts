import { alertTime } from '@/lib/domain/alert-subject';
import type { AlertKind } from '@/lib/domain/alerts';
import { localize, type LocalizedText } from '@/lib/domain/localize';
import type { ComponentStatus, IncidentStatus, MaintenanceStatus } from '@/lib/domain/status';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { emailTranslator, type EmailTranslator } from '@/lib/notify/email-i18n';
import { renderMarkdown } from '@/lib/render/markdown';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { confirmLink, confirmToken, linksWithToken, subscriberLinkLanguage, subscriberLinks, type LinkLanguage } from '@/lib/notify/links';

/** A rendered message, ready for nodemailer or the dev mailbox. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function frame(title: string, inner: string, footer: string, locale: Locale): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>
<body style="margin:0;padding:0;background:#f5f5f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#171717">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f5f5;padding:24px 0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e5e5e5;border-radius:8px">
<tr><td style="padding:24px 28px;font-size:15px;line-height:1.55">${inner}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e5e5e5;font-size:12px;line-height:1.5;color:#525252">${footer}</td></tr>
</table></td></tr></table></body></html>`;
}

const button = (href: string, label: string) =>
  `<p style="margin:20px 0"><a href="${esc(href)}" style="display:inline-block;background:#171717;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${esc(label)}</a></p>`;

/** Who a message is written for: their language and zone (the page's default language and zone when not chosen). */
export interface Reader {
  locale?: Locale;
  timeZone?: string;
}

/** The subscriber's pages open in the reader's language: prefixed unless it is the page's default. */
function linkLanguage(s: AlertSnapshot, reader: Reader | undefined): LinkLanguage | undefined {
  return subscriberLinkLanguage(reader?.locale, s.page.locale);
}

const MAINTENANCE_KEY: Partial<Record<AlertKind, 'scheduled' | 'reminder' | 'started' | 'completed' | 'cancelled' | 'updated'>> = {
  'maintenance.scheduled': 'scheduled',
  'maintenance.reminder': 'reminder',
  'maintenance.started': 'started',
  'maintenance.completed': 'completed',
  'maintenance.cancelled': 'cancelled',
  'maintenance.updated': 'updated',
};

/** The headline word of an alert in the reader's language (alertLabel's wording in English). */
function label(t: EmailTranslator, kind: AlertKind, status: IncidentStatus | MaintenanceStatus | undefined): string {
  if (kind === 'incident.postmortem') return t('otherLabel.postmortem');
  if (kind === 'component.updated') return t('otherLabel.componentUpdate');
  const maintenance = MAINTENANCE_KEY[kind];
  if (maintenance) return t(`maintenanceLabel.${maintenance}`);
  return status ? t(`updateStatus.${status}`) : t('otherLabel.update');
}

/** "[Acme IoT status] Identified: Elevated data session failures (Data service, SMS)", in the reader's language. */
function subject(t: EmailTranslator, page: string, headline: string, name: string, names: readonly string[]): string {
  // Long lists are cut so the incident name stays visible in an inbox.
  const shown = names.length > 3 ? [...names.slice(0, 2), t('moreComponents', { count: names.length - 2 })] : names;
  return shown.length > 0
    ? t('subject.alertWithComponents', { page, label: headline, name, components: shown.join(', ') })
    : t('subject.alert', { page, label: headline, name });
}

/** The "original in English" note, or nothing when the reader gets their own language. */
const originalNote = (t: EmailTranslator, text: LocalizedText) => (text.isOriginal ? t('alert.originalIn', { language: text.locale }) : null);

/**
 * Renders an alert about an incident or maintenance for one email subscriber: `token` is the
 * subscriber's link token and `notificationId` the outbox row, or markers standing for them
 * when the message is rendered once for every recipient of a language and zone (see mail-template.ts).
 */
export function renderAlertEmail(input: {
  snapshot: AlertSnapshot;
  token: string;
  notificationId: string;
  host: string;
  reader?: Reader;
}): RenderedEmail {
  const { snapshot: s } = input;
  const incident = s.incident;
  if (!incident) throw new Error(`Alert ${s.kind} has no incident to render`);
  const locale = input.reader?.locale ?? DEFAULT_LOCALE;
  const t = emailTranslator(locale);
  const tr = s.translations;
  const kind = s.kind as AlertKind;
  const update = incident.incident_updates.find((u) => u.id === s.updateId) ?? incident.incident_updates[0];
  const status = (update?.status ?? incident.status) as IncidentStatus | MaintenanceStatus;
  const componentName = (id: string, name: string) => localize(name, tr?.components?.[id], 'name', locale).text;
  const componentNames = incident.components.map((c) => componentName(c.id, c.name));
  const name = localize(incident.name, tr?.incident, 'name', locale);
  const headline = label(t, kind, status);
  const subjectLine = subject(t, s.page.name, headline, name.text, componentNames);
  const links = linksWithToken(s.baseUrl, input.token, linkLanguage(s, input.reader));
  const body =
    kind === 'incident.postmortem'
      ? localize(incident.postmortem_body ?? '', undefined, 'body', DEFAULT_LOCALE)
      : localize(update?.body ?? '', update ? tr?.updates?.[update.id] : undefined, 'body', locale);
  // No text, no note: "(no details given)" is already in the reader's language.
  const bodyNote = body.text.trim() ? originalNote(t, body) : null;
  const nameNote = originalNote(t, name);
  const changes = update?.affected_components ?? [];
  const tz = input.reader?.timeZone ?? s.page.time_zone ?? 'UTC';
  const time = (iso: string) => alertTime(iso, tz, locale);
  const when =
    incident.scheduled_for && kind.startsWith('maintenance.')
      ? t('alert.scheduled', { from: time(incident.scheduled_for), until: incident.scheduled_until ? time(incident.scheduled_until) : t('alert.openEnd') })
      : null;

  const posted = update ? t('alert.posted', { time: time(update.display_at) }) : null;
  const statusLabel = (st: string) => t(`componentStatus.${st as ComponentStatus}`);
  const changeLine = (c: (typeof changes)[number]) =>
    t('alert.changeLine', { name: componentName(c.code, c.name), from: statusLabel(c.old_status), to: statusLabel(c.new_status) });
  const componentLines = incident.components.map((c) => `${componentName(c.id, c.name)}: ${statusLabel(c.status)}`);
  const noDetails = t('alert.noDetails');
  const follow = t(incident.id ? 'alert.followIncident' : 'alert.followEvent', { url: incident.shortlink });
  const subscribed = t('alert.subscribed', { page: s.page.name });
  const text = [
    `${headline}: ${name.text}`,
    ...(nameNote ? [`(${nameNote})`] : []),
    '',
    body.text.trim() || noDetails,
    ...(bodyNote ? ['', `(${bodyNote})`] : []),
    '',
    ...(posted ? [posted, ''] : []),
    ...(when ? [when, ''] : []),
    ...(changes.length > 0 ? [`${t('alert.changes')}:`, ...changes.map((c) => `- ${changeLine(c)}`), ''] : []),
    ...(componentLines.length > 0 ? [`${t('alert.affected')}:`, ...componentLines.map((l) => `- ${l}`), ''] : []),
    follow,
    '',
    '--',
    subscribed,
    `${t('alert.manage')}: ${links.manage}`,
    `${t('alert.unsubscribe')}: ${links.unsubscribe}`,
  ].join('\n');

  const note = (n: string | null) => (n ? `<p style="margin:4px 0 0;font-size:12px;color:#525252">${esc(n)}</p>` : '');
  // The original keeps its own language for screen readers and translation tools.
  const langOf = (x: LocalizedText) => (x.locale !== locale ? ` lang="${x.locale}"` : '');
  const inner = [
    `<p style="margin:0 0 4px;font-size:13px;color:#525252">${esc(t('statusOf', { page: s.page.name }))}</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3"><span style="color:#b45309">${esc(headline)}</span>: <span${langOf(name)}>${esc(name.text)}</span></h1>`,
    nameNote ? note(nameNote) : '',
    `<div${body.text.trim() ? langOf(body) : ''}>${body.text.trim() ? renderMarkdown(body.text) : `<p style="color:#525252">${esc(noDetails)}</p>`}</div>`,
    bodyNote ? note(bodyNote) : '',
    posted ? `<p style="margin:8px 0 0;font-size:13px;color:#525252">${esc(posted)}</p>` : '',
    when ? `<p style="color:#404040">${esc(when)}</p>` : '',
    changes.length > 0
      ? `<p style="margin:16px 0 4px;font-weight:600">${esc(t('alert.changes'))}</p><ul style="margin:0;padding-left:20px">${changes
          .map((c) => `<li>${esc(changeLine(c))}</li>`)
          .join('')}</ul>`
      : '',
    componentLines.length > 0
      ? `<p style="margin:16px 0 4px;font-weight:600">${esc(t('alert.affected'))}</p><ul style="margin:0;padding-left:20px">${componentLines
          .map((l) => `<li>${esc(l)}</li>`)
          .join('')}</ul>`
      : '',
    button(incident.shortlink, t('alert.viewOnPage')),
  ].join('\n');
  const footer = `${esc(subscribed)} <a href="${esc(links.manage)}" style="color:#525252">${esc(t('alert.manage'))}</a> · <a href="${esc(links.unsubscribe)}" style="color:#525252">${esc(t('alert.unsubscribe'))}</a>`;

  const thread = `<incident-${incident.id}@${input.host}>`;
  return {
    subject: subjectLine,
    text,
    html: frame(subjectLine, inner, footer, locale),
    messageId: `<${input.notificationId}@${input.host}>`,
    headers: {
      'Content-Language': locale,
      'In-Reply-To': thread,
      References: thread,
      'List-Id': `${s.page.name} status <status.${input.host}>`,
      'List-Unsubscribe': `<${links.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Beacon-Notification': input.notificationId,
    },
  };
}

/** Renders the double opt-in message, the "your webhook was disabled" notice or the unsubscribe confirmation, in the reader's language. */
export function renderSubscriptionEmail(input: {
  snapshot: AlertSnapshot;
  subscriberId: string;
  notificationId: string;
  host: string;
  reader?: Reader;
}): RenderedEmail {
  const { snapshot: s } = input;
  const locale = input.reader?.locale ?? DEFAULT_LOCALE;
  const t = emailTranslator(locale);
  const page = s.page.name;
  const links = subscriberLinks(s.baseUrl, input.subscriberId, linkLanguage(s, input.reader));
  const headers = { 'Content-Language': locale, 'X-Beacon-Notification': input.notificationId };
  const messageId = `<${input.notificationId}@${input.host}>`;
  const footer = esc(t('statusOf', { page }));
  if (s.kind === 'subscription.confirm') {
    const token = s.confirmToken ?? (s.confirmNonce ? confirmToken(input.subscriberId, s.confirmNonce) : undefined);
    if (!token) throw new Error('Confirmation message has neither a nonce nor a token');
    const link = confirmLink(s.baseUrl, token, linkLanguage(s, input.reader));
    const subject = t('subject.confirm', { page });
    const validity = t('confirm.validity', { hours: 48 });
    const text = [t('confirm.intro', { page }), '', t('confirm.link', { url: link }), '', validity].join('\n');
    const inner = `<h1 style="margin:0 0 16px;font-size:20px">${esc(t('confirm.title'))}</h1>
<p>${esc(t('confirm.intro', { page: PAGE_MARK })).replace(PAGE_MARK, `<strong>${esc(page)}</strong>`)}</p>
${button(link, t('confirm.button'))}
<p style="color:#525252;font-size:13px">${esc(t('confirm.paste', { url: link }))}<br>${esc(validity)}</p>`;
    return { subject, text, html: frame(subject, inner, footer, locale), messageId, headers };
  }
  if (s.kind === 'subscription.unsubscribed') {
    const subject = t('subject.unsubscribed', { page });
    const again = t('unsubscribed.again', { url: `${s.baseUrl}/subscribe` });
    const text = [t('unsubscribed.body', { page }), '', again].join('\n');
    const inner = `<h1 style="margin:0 0 16px;font-size:20px">${esc(t('unsubscribed.title'))}</h1>
<p>${esc(t('unsubscribed.body', { page }))}</p><p style="color:#525252">${esc(again)}</p>`;
    return { subject, text, html: frame(subject, inner, footer, locale), messageId, headers };
  }
  const subject = t('subject.disabled', { page });
  const text = [t('disabled.bodyWithReason', { reason: s.reason ?? '' }), '', t('disabled.action', { url: links.manage })].join('\n');
  const inner = `<h1 style="margin:0 0 16px;font-size:20px">${esc(t('disabled.title'))}</h1>
<p>${esc(t('disabled.body'))}</p><p style="color:#525252">${esc(s.reason ?? '')}</p>
${button(links.manage, t('disabled.button'))}`;
  return { subject, text, html: frame(subject, inner, footer, locale), messageId, headers };
}

/** Stands for the page name inside a translated sentence, so the name alone can be set in bold. */
const PAGE_MARK = '\u0000page\u0000';
