import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { NotificationWorker } from '@/lib/notify/worker';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { updatePageSettings } from '@/lib/services/page-settings';
import { subscribe } from '@/lib/services/subscribe';

// What an operator account or API key in the wrong hands would post; mail clients and webhook
// consumers must get it as text.
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const SVG = '"><svg onload=window.__pwned=1>';
const PAGE_NAME = `Acme ${IMG}\r\nX-Injected: page`;
const COMPONENT = `Data ${SVG}`;
const INCIDENT = `Outage ${SCRIPT} ${SVG}\r\nBcc: victim@evil.test`;
const BODY = `**Bold** ${SCRIPT}\n\n${IMG}\n\n[click](javascript:window.__pwned=1) <a href="javascript:alert(1)">x</a>\n\n<iframe src="https://evil.test"></iframe>`;
const UPDATE = `Second ${IMG} <style>body{display:none}</style>`;

let sinks: AlertSinks;
let sink: AlertSinks['sink'];
let hooks: AlertSinks['hooks'];

beforeAll(async () => {
  sinks = await startAlertSinks();
  ({ sink, hooks } = sinks);
});
afterAll(() => sinks.close());

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;

/**
 * No markup that would run or restyle anything in a mail client's HTML view. Escaped text keeps
 * its `<` as `&lt;`, so `<name …>` here is only ever a real tag and its attributes.
 */
function expectInert(html: string) {
  expect(html).not.toMatch(/<(script|img|svg|iframe|style)\b/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[a-z][^>]*\shref\s*=\s*["']?\s*javascript:/i);
}

for (const dialect of testDialects()) {
  describe(`hostile content in alerts on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    const tag = () => Math.random().toString(36).slice(2, 8);

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 8 });
      await updatePageSettings({ ctx: ctx(), input: { name: PAGE_NAME } });
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    it('escapes names and sanitises bodies in the HTML part, keeps the text part as written, and injects no header', async () => {
      const email = `hostile-${tag()}@example.com`;
      await subscribe({ ctx: ctx(), input: { type: 'email', email } });
      await worker.drain();
      const confirmation = sink.messages.filter((m) => to(m) === email).at(-1)!;
      expectInert(String(confirmation.html));
      const token = /subscriptions\/confirm\/([\w-]+)/.exec(confirmation.text ?? '')![1]!;
      await confirmSubscription({ ctx: ctx(), input: { token } });

      const component = await createComponent({ ctx: ctx(), input: { name: COMPONENT } });
      const incident = await createIncident({
        ctx: ctx(),
        input: { name: INCIDENT, status: 'identified', body: BODY, components: [{ id: component.id, status: 'major_outage' }] },
      });
      clock.advance(5);
      await addIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, status: 'monitoring', body: UPDATE } });
      await worker.drain();

      const alerts = sink.messages.filter((m) => to(m) === email && !m.subject?.includes('Confirm'));
      expect(alerts).toHaveLength(2);
      for (const mail of alerts) {
        const html = String(mail.html);
        expectInert(html);
        // Names read as text: escaped once, not dropped.
        expect(html).toContain('Outage &lt;script&gt;window.__pwned=1&lt;/script&gt; &quot;&gt;&lt;svg onload=window.__pwned=1&gt;');
        expect(html).toContain('Data &quot;&gt;&lt;svg onload=window.__pwned=1&gt;');
        expect(html).toContain('Acme &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
        // No header came from a name: the line breaks folded into the subject, nothing more.
        expect(mail.bcc).toBeUndefined();
        expect(mail.headers.has('x-injected')).toBe(false);
        expect(mail.subject).toContain(`Outage ${SCRIPT}`);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }
      const first = alerts.find((m) => m.subject?.includes('Identified'))!;
      expect(String(first.html)).toContain('<strong>Bold</strong>');
      // The plain-text part is the operator's markdown as written: text, never rendered.
      expect(first.text).toContain(SCRIPT);
      expect(first.text).toContain(IMG);
      expect(String(alerts.find((m) => m.subject?.includes('Monitoring'))!.html)).toContain('Second');
    });

    it('carries hostile text in webhooks as plain JSON strings, byte for byte', async () => {
      const path = `/hook-${tag()}`;
      const created = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${hooks.base}${path}` } });
      if (created.type !== 'webhook') throw new Error('expected a webhook subscription');
      hooks.secret(path, created.secret);
      await worker.drain();

      const component = await createComponent({ ctx: ctx(), input: { name: COMPONENT } });
      await createIncident({
        ctx: ctx(),
        input: { name: INCIDENT, status: 'identified', body: BODY, components: [{ id: component.id, status: 'major_outage' }] },
      });
      await worker.drain();

      const delivery = hooks.received.find((r) => r.path === path && r.body.type === 'incident.created')!;
      expect(delivery.verified).toBe(true);
      const body = delivery.body as {
        page: { name: string };
        incident: { name: string; incident_updates: { body: string }[]; components: { name: string }[] };
      };
      expect(body.page.name).toBe(PAGE_NAME);
      expect(body.incident.name).toBe(INCIDENT);
      expect(body.incident.incident_updates[0]!.body).toBe(BODY);
      expect(body.incident.components.map((c) => c.name)).toEqual([COMPONENT]);
    });
  });
}
