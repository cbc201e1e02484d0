import nodemailer, { type Transporter } from 'nodemailer';
import { newId } from '@/lib/db/ids';
import type { DbOrTx } from '@/lib/db/transaction';
import { getEnv, publicUrl } from '@/lib/env';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { renderAlertEmail, type Reader, type RenderedEmail } from '@/lib/notify/email-render';
import { subscriberLinkToken } from '@/lib/notify/links';
import { compileTemplate, newMarkers, stampTemplate, type MailMessage, type MailTemplate } from '@/lib/notify/mail-template';
import { peekShared, setShared } from '@/lib/runtime/bridge';

/** The outcome of handing a message over: the SMTP server's reply, or where the dev mailbox put it. */
export interface SendResult {
  response: string;
}

interface Mailer {
  url: string;
  transport: Transporter;
}

/** One pooled SMTP transport per process and URL. */
function transportFor(url: string): Transporter {
  let mailer = peekShared<Mailer>('mailer');
  if (mailer?.url !== url) {
    mailer?.transport.close();
    mailer = { url, transport: nodemailer.createTransport({ url, pool: true, maxConnections: 5, maxMessages: Infinity }) };
    setShared('mailer', mailer);
  }
  return mailer.transport;
}

/** Closes the pooled SMTP connections (worker shutdown, tests). */
export function closeMailer(): void {
  peekShared<Mailer>('mailer')?.transport.close();
  setShared('mailer', undefined);
}

/** The host name used in Message-IDs and the default sender. */
export function mailHost(): string {
  return new URL(publicUrl()).hostname || 'localhost';
}

/** The From header: MAIL_FROM, or "<Page> status" at the public host. */
export function mailFrom(pageName: string): string {
  return getEnv().MAIL_FROM ?? `"${pageName.replace(/"/g, '')} status" <status@${mailHost()}>`;
}

/** Whether this is a production start that would put real subscribers' mail in the dev mailbox. */
export function mailGoesToDevMailboxInProduction(): boolean {
  const env = getEnv();
  return process.env.NODE_ENV === 'production' && !env.SMTP_URL && !env.BEACON_DEMO;
}

/** Says once at start-up, loudly, that production mail is not being sent. Never logs addresses or links. */
export function warnIfNoMailInProduction(): void {
  if (!mailGoesToDevMailboxInProduction()) return;
  console.warn('[beacon] WARNING: SMTP_URL is not set in production: no email is sent, every message stays in the dev mailbox (/admin/mailbox). Set SMTP_URL.');
}

/**
 * Sends over SMTP_URL, or, with no SMTP configured, stores the message in the dev mailbox
 * (shown at /admin/mailbox) so the demo works without a mail server.
 */
export async function sendEmail(
  db: DbOrTx,
  message: RenderedEmail & { to: string; from: string },
  now: Date,
): Promise<SendResult> {
  const url = getEnv().SMTP_URL;
  if (!url) {
    await db
      .insertInto('dev_mailbox')
      .values({
        id: newId(),
        to: message.to,
        from: message.from,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: JSON.stringify({ 'Message-ID': message.messageId, ...message.headers }),
        created_at: now.toISOString(),
      })
      .execute();
    return { response: mailGoesToDevMailboxInProduction() ? 'not sent: no SMTP_URL, stored in the dev mailbox' : 'stored in the dev mailbox' };
  }
  const info = await transportFor(url).sendMail({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: message.headers,
  });
  return { response: String(info.response ?? 'accepted') };
}

const RECIPIENT_VALUES = ['to', 'token', 'notification'] as const;

/**
 * One alert's email for all its recipients: rendered once with markers for the recipient's
 * address, link token and outbox row, composed into MIME once (on first send over SMTP), and
 * stamped per recipient. Composing with nodemailer for each of 100,000 recipients was most of
 * a worker's CPU time.
 */
export interface AlertMail {
  message: MailMessage;
  markers: Record<(typeof RECIPIENT_VALUES)[number], string>;
  mime?: Promise<MailTemplate>;
}

/** Renders an incident or maintenance alert once for every email recipient reading it in one language and zone. */
export function prepareAlertMail(snapshot: AlertSnapshot, reader?: Reader): AlertMail {
  const markers = newMarkers(RECIPIENT_VALUES);
  const rendered = renderAlertEmail({ snapshot, token: markers.token, notificationId: markers.notification, host: mailHost(), reader });
  const { messageId, headers, subject, text, html } = rendered;
  return { message: { from: mailFrom(snapshot.page.name), to: markers.to, subject, text, html, messageId, headers }, markers };
}

/** Sends a prepared alert to one subscriber (over SMTP_URL, or into the dev mailbox). */
export async function sendAlertMail(
  db: DbOrTx,
  mail: AlertMail,
  recipient: { email: string; subscriberId: string; notificationId: string },
  now: Date,
): Promise<SendResult> {
  const values = [recipient.email, subscriberLinkToken(recipient.subscriberId), recipient.notificationId];
  const markers = RECIPIENT_VALUES.map((k) => mail.markers[k]);
  const fill = (v: string) => markers.reduce((out, m, i) => out.replaceAll(m, values[i]!), v);
  const m = mail.message;
  const url = getEnv().SMTP_URL;
  if (!url) {
    const headers = Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, fill(v)]));
    return sendEmail(db, { from: m.from, to: recipient.email, subject: m.subject, text: fill(m.text), html: fill(m.html), messageId: fill(m.messageId), headers }, now);
  }
  mail.mime ??= compileTemplate(m, markers).catch((error: unknown) => {
    mail.mime = undefined; // the next recipient tries again
    throw error;
  });
  const template = await mail.mime;
  const info = await transportFor(url).sendMail({
    envelope: { from: template.envelopeFrom, to: [recipient.email] },
    raw: stampTemplate(template, values, now),
    // Known already: nodemailer would otherwise draw a random one for a raw message.
    messageId: fill(m.messageId),
  });
  return { response: String(info.response ?? 'accepted') };
}
