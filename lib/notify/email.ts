import nodemailer, { type Transporter } from 'nodemailer';
import { newId } from '@/lib/db/ids';
import type { DbOrTx } from '@/lib/db/transaction';
import { getEnv, publicUrl } from '@/lib/env';
import type { RenderedEmail } from '@/lib/notify/email-render';
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
