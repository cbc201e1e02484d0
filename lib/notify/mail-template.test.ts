import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { compileTemplate, newMarkers, stampTemplate, type MailMessage } from '@/lib/notify/mail-template';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** What nodemailer composes for one recipient with the same options the template uses. */
async function composedByNodemailer(message: MailMessage, date: Date): Promise<string> {
  const raw = await new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    messageId: message.messageId,
    headers: message.headers,
    date,
    text: { content: crlf(message.text), contentTransferEncoding: 'quoted-printable' },
    html: { content: crlf(message.html), contentTransferEncoding: 'quoted-printable' },
  })
    .compile()
    .build();
  return raw.toString('latin1');
}

/** Boundaries are random per composition: name them by order of appearance. */
function sameBoundaries(raw: string): string {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((m) => m[1]!);
  return boundaries.reduce((out, b, i) => out.replaceAll(b, `BOUNDARY${i}`), raw);
}

const m = newMarkers(['to', 'token', 'id']);
/** A message in the shape of an alert: the recipient's values in headers, in lines of both bodies and mid-line. */
function alert(values: { to: string; token: string; id: string }, body: string): MailMessage {
  const link = (kind: string) => `https://status.example.com/subscriptions/${kind}/${values.token}`;
  return {
    from: '"Réseau IoT — état" <status@example.com>',
    to: values.to,
    subject: '[Réseau IoT status] Identifié : Dégradation du service de données en Île-de-France, Bretagne et Pays de la Loire',
    messageId: `<${values.id}@example.com>`,
    headers: {
      'In-Reply-To': '<incident-abc@example.com>',
      References: '<incident-abc@example.com>',
      'List-Id': 'Réseau IoT status <status.example.com>',
      'List-Unsubscribe': `<https://status.example.com/api/subscriptions/unsubscribe/${values.token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Beacon-Notification': values.id,
    },
    text: [
      'Identifié : Dégradation',
      '',
      body,
      '',
      `Manage your subscription: ${link('manage')}`,
      `Unsubscribe: ${link('unsubscribe')}`,
    ].join('\n'),
    html: [
      '<!doctype html><html><body style="margin:0;padding:0;background:#f5f5f5;font-family:-apple-system,Segoe UI,Roboto">',
      `<p>${body.replace(/\n/g, '<br>')}</p>`,
      `<tr><td style="padding:16px 28px;border-top:1px solid #e5e5e5;font-size:12px">Abonné·e aux alertes de Réseau IoT. <a href="${link('manage')}" style="color:#525252">Gérer</a> · <a href="${link('unsubscribe')}">Se désabonner</a></td></tr>`,
      '</body></html>',
    ].join('\n'),
  };
}

const BODIES = [
  'Short.',
  // Long lines, "=" (always encoded), trailing spaces and tabs, a line of dots, non-Latin text, emoji.
  `Les appareils en Île-de-France perdent la session de données ; 1 = 1 et a=b   \nligne avec tabulation\t\n.\n..\nДанные восстанавливаются 🚦 ${'très long '.repeat(30)}`,
  `${'x'.repeat(200)}\r\nwindows line ends\r\n\r\nand ${'é'.repeat(120)}`,
];
const RECIPIENTS = [
  { to: 'noc@example.com', token: 'abc123def456-0123456789abcdef0123456789abcdef01234567', id: 'n0tification' },
  { to: 'Jörg Müller <jörg@bücher.example>', token: 'zzzzzzzzzzzz-ffffffffffffffffffffffffffffffffffffffff', id: 'a' },
];

describe('mail templates', () => {
  for (const [b, body] of BODIES.entries()) {
    it(`stamp each recipient's message byte for byte as nodemailer composes it (body ${b})`, async () => {
      const template = await compileTemplate(alert(m, body), [m.to, m.token, m.id]);
      const date = new Date('2026-03-01T10:00:00Z');
      for (const r of RECIPIENTS) {
        const stamped = stampTemplate(template, [r.to, r.token, r.id], date).toString('latin1');
        expect(sameBoundaries(stamped)).toBe(sameBoundaries(await composedByNodemailer(alert(r, body), date)));
      }
    });
  }

  it('gives each recipient their own links, headers and date, and the same words', async () => {
    const template = await compileTemplate(alert(m, BODIES[1]!), [m.to, m.token, m.id]);
    expect(template.envelopeFrom).toBe('status@example.com');
    const [a, b] = RECIPIENTS;
    const one = await simpleParser(stampTemplate(template, [a!.to, a!.token, a!.id], new Date('2026-03-01T10:00:00Z')));
    const two = await simpleParser(stampTemplate(template, [b!.to, b!.token, b!.id], new Date('2026-03-01T10:00:05Z')));
    expect(one.text).toContain(`/subscriptions/manage/${a!.token}`);
    expect(two.text).toContain(`/subscriptions/unsubscribe/${b!.token}`);
    expect(two.html).toContain(`/subscriptions/manage/${b!.token}`);
    expect(`${one.html}${one.text}`).not.toContain(b!.token);
    expect(one.headers.get('list')).toMatchObject({ unsubscribe: { url: `https://status.example.com/api/subscriptions/unsubscribe/${a!.token}` } });
    expect(one.messageId).toBe(`<${a!.id}@example.com>`);
    expect(two.headers.get('x-beacon-notification')).toBe(b!.id);
    expect(two.to).toMatchObject({ value: [{ address: 'jörg@bücher.example', name: 'Jörg Müller' }] });
    expect(two.date?.toISOString()).toBe('2026-03-01T10:00:05.000Z');
    expect(one.text?.replaceAll(a!.token, 'T')).toBe(two.text?.replaceAll(b!.token, 'T'));
    expect(one.subject).toBe('[Réseau IoT status] Identifié : Dégradation du service de données en Île-de-France, Bretagne et Pays de la Loire');
  });
});
