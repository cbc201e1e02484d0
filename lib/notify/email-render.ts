import { alertLabel, alertSubject, alertTime, componentChangeLine } from '@/lib/domain/alert-subject';
import type { AlertKind } from '@/lib/domain/alerts';
import { COMPONENT_STATUS_LABEL, type ComponentStatus, type IncidentStatus, type MaintenanceStatus } from '@/lib/domain/status';
import { renderMarkdown } from '@/lib/render/markdown';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { confirmLink, confirmToken, subscriberLinks } from '@/lib/notify/links';

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

function frame(title: string, inner: string, footer: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>
<body style="margin:0;padding:0;background:#f5f5f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#171717">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f5f5;padding:24px 0"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e5e5e5;border-radius:8px">
<tr><td style="padding:24px 28px;font-size:15px;line-height:1.55">${inner}</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e5e5e5;font-size:12px;line-height:1.5;color:#525252">${footer}</td></tr>
</table></td></tr></table></body></html>`;
}

const button = (href: string, label: string) =>
  `<p style="margin:20px 0"><a href="${esc(href)}" style="display:inline-block;background:#171717;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${esc(label)}</a></p>`;

/** Renders an alert about an incident or maintenance for one email subscriber. */
export function renderAlertEmail(input: {
  snapshot: AlertSnapshot;
  subscriberId: string;
  notificationId: string;
  host: string;
}): RenderedEmail {
  const { snapshot: s } = input;
  const incident = s.incident;
  if (!incident) throw new Error(`Alert ${s.kind} has no incident to render`);
  const kind = s.kind as AlertKind;
  const update = incident.incident_updates.find((u) => u.id === s.updateId) ?? incident.incident_updates[0];
  const status = (update?.status ?? incident.status) as IncidentStatus | MaintenanceStatus;
  const componentNames = incident.components.map((c) => c.name);
  const subject = alertSubject({ pageName: s.page.name, kind, status, name: incident.name, componentNames });
  const links = subscriberLinks(s.baseUrl, input.subscriberId);
  const label = alertLabel(kind, status);
  const body = kind === 'incident.postmortem' ? (incident.postmortem_body ?? '') : (update?.body ?? '');
  const changes = update?.affected_components ?? [];
  const tz = s.page.time_zone ?? 'UTC';
  const when =
    incident.scheduled_for && kind.startsWith('maintenance.')
      ? `Scheduled: ${alertTime(incident.scheduled_for, tz)} to ${incident.scheduled_until ? alertTime(incident.scheduled_until, tz) : 'open end'}`
      : null;

  const posted = update ? `Posted ${alertTime(update.display_at, tz)}` : null;
  const componentLines = incident.components.map((c) => `${c.name}: ${COMPONENT_STATUS_LABEL[c.status as ComponentStatus]}`);
  const text = [
    `${label}: ${incident.name}`,
    '',
    body.trim() || '(no details given)',
    '',
    ...(posted ? [posted, ''] : []),
    ...(when ? [when, ''] : []),
    ...(changes.length > 0
      ? ['Changes:', ...changes.map((c) => `- ${componentChangeLine(c.name, c.old_status as ComponentStatus, c.new_status as ComponentStatus)}`), '']
      : []),
    ...(componentLines.length > 0 ? ['Affected components:', ...componentLines.map((l) => `- ${l}`), ''] : []),
    `Follow this ${incident.id ? 'incident' : 'event'}: ${incident.shortlink}`,
    '',
    '--',
    `You are subscribed to ${s.page.name} status alerts.`,
    `Manage your subscription: ${links.manage}`,
    `Unsubscribe: ${links.unsubscribe}`,
  ].join('\n');

  const inner = [
    `<p style="margin:0 0 4px;font-size:13px;color:#525252">${esc(s.page.name)} status</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3"><span style="color:#b45309">${esc(label)}</span>: ${esc(incident.name)}</h1>`,
    `<div>${body.trim() ? renderMarkdown(body) : '<p style="color:#525252">(no details given)</p>'}</div>`,
    posted ? `<p style="margin:8px 0 0;font-size:13px;color:#525252">${esc(posted)}</p>` : '',
    when ? `<p style="color:#404040">${esc(when)}</p>` : '',
    changes.length > 0
      ? `<p style="margin:16px 0 4px;font-weight:600">Changes</p><ul style="margin:0;padding-left:20px">${changes
          .map((c) => `<li>${esc(componentChangeLine(c.name, c.old_status as ComponentStatus, c.new_status as ComponentStatus))}</li>`)
          .join('')}</ul>`
      : '',
    componentLines.length > 0
      ? `<p style="margin:16px 0 4px;font-weight:600">Affected components</p><ul style="margin:0;padding-left:20px">${componentLines
          .map((l) => `<li>${esc(l)}</li>`)
          .join('')}</ul>`
      : '',
    button(incident.shortlink, 'View on the status page'),
  ].join('\n');
  const footer = `You are subscribed to ${esc(s.page.name)} status alerts. <a href="${esc(links.manage)}" style="color:#525252">Manage your subscription</a> · <a href="${esc(links.unsubscribe)}" style="color:#525252">Unsubscribe</a>`;

  const thread = `<incident-${incident.id}@${input.host}>`;
  return {
    subject,
    text,
    html: frame(subject, inner, footer),
    messageId: `<${input.notificationId}@${input.host}>`,
    headers: {
      'In-Reply-To': thread,
      References: thread,
      'List-Id': `${s.page.name} status <status.${input.host}>`,
      'List-Unsubscribe': `<${links.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Beacon-Notification': input.notificationId,
    },
  };
}

/** Renders the double opt-in message or the "your webhook was disabled" notice. */
export function renderSubscriptionEmail(input: {
  snapshot: AlertSnapshot;
  subscriberId: string;
  notificationId: string;
  host: string;
}): RenderedEmail {
  const { snapshot: s } = input;
  const links = subscriberLinks(s.baseUrl, input.subscriberId);
  const headers = { 'X-Beacon-Notification': input.notificationId };
  const messageId = `<${input.notificationId}@${input.host}>`;
  if (s.kind === 'subscription.confirm') {
    const token = s.confirmToken ?? (s.confirmNonce ? confirmToken(input.subscriberId, s.confirmNonce) : undefined);
    if (!token) throw new Error('Confirmation message has neither a nonce nor a token');
    const link = confirmLink(s.baseUrl, token);
    const subject = `[${s.page.name} status] Confirm your subscription`;
    const text = [
      `Someone (hopefully you) asked to receive ${s.page.name} status alerts at this address.`,
      '',
      `Confirm your subscription: ${link}`,
      '',
      'The link is valid for 48 hours. If you did not ask for this, ignore this message and nothing will be sent.',
    ].join('\n');
    const inner = `<h1 style="margin:0 0 16px;font-size:20px">Confirm your subscription</h1>
<p>Someone (hopefully you) asked to receive <strong>${esc(s.page.name)}</strong> status alerts at this address.</p>
${button(link, 'Confirm subscription')}
<p style="color:#525252;font-size:13px">Or paste this link into your browser: ${esc(link)}<br>The link is valid for 48 hours. If you did not ask for this, ignore this message and nothing will be sent.</p>`;
    return { subject, text, html: frame(subject, inner, `${esc(s.page.name)} status`), messageId, headers };
  }
  const subject = `[${s.page.name} status] Your webhook subscription was disabled`;
  const text = [
    `Deliveries to your webhook kept failing, so the subscription was disabled: ${s.reason ?? ''}`,
    '',
    `Re-enable or change it: ${links.manage}`,
  ].join('\n');
  const inner = `<h1 style="margin:0 0 16px;font-size:20px">Webhook subscription disabled</h1>
<p>Deliveries to your webhook kept failing, so the subscription was disabled.</p><p style="color:#525252">${esc(s.reason ?? '')}</p>
${button(links.manage, 'Manage subscription')}`;
  return { subject, text, html: frame(subject, inner, `${esc(s.page.name)} status`), messageId, headers };
}
