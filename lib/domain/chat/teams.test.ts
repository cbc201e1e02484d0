import { describe, expect, it } from 'vitest';
import { toTeams } from '@/lib/domain/chat/teams';
import { oversizedAlert, sampleAlert } from '@/lib/domain/chat/testing/alerts';
import { AdaptiveCard, TeamsMessage } from '@/lib/domain/chat/testing/platform-schemas';

type Card = { body: { type: string; style?: string; items?: { text: string }[]; text?: string; facts?: { title: string; value: string }[] }[]; actions: { url: string }[] };
const cardOf = (m: Record<string, unknown>) => (m.attachments as { content: Card }[])[0]!.content;

describe('Teams Adaptive Card', () => {
  it('is a message envelope with one Adaptive Card attachment that matches the card schema', () => {
    const message = toTeams(sampleAlert());
    expect(TeamsMessage.safeParse(message).error).toBeUndefined();
    expect(message.type).toBe('message');
    const attachment = (message.attachments as { contentType: string; content: unknown }[])[0]!;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(AdaptiveCard.safeParse(attachment.content).success).toBe(true);
  });

  it('carries the status colour as a container style, the body, the changes as facts and a link', () => {
    const card = cardOf(toTeams(sampleAlert()));
    expect(card.body[0]!.style).toBe('attention');
    expect(card.body[0]!.items![0]!.text).toBe('SMS delivery delayed in Europe');
    expect(card.body[1]!.text).toContain('The **SMSC** in _Frankfurt_ queues messages.');
    expect(card.body[2]!.facts).toEqual([
      { title: 'SMS', value: 'Operational → Partial Outage' },
      { title: 'REST API', value: 'Operational → Degraded Performance' },
    ]);
    expect(card.actions[0]!.url).toBe('https://status.acme.test/incidents/inc123');
    expect(cardOf(toTeams(sampleAlert({ color: '#2fcc66' }))).body[0]!.style).toBe('good');
  });

  it('an oversized alert still fits the 28 KB message', () => {
    expect(TeamsMessage.safeParse(toTeams(oversizedAlert())).error).toBeUndefined();
  });

  it('the schema refuses what Teams would: an unknown element property, a wrong content type', () => {
    const message = toTeams(sampleAlert()) as { attachments: { contentType: string; content: Card }[] };
    const bad = structuredClone(message);
    (bad.attachments[0]!.content.body[1] as Record<string, unknown>).colour = 'red';
    expect(TeamsMessage.safeParse(bad).success).toBe(false);
    const wrongType = structuredClone(message);
    wrongType.attachments[0]!.contentType = 'application/json';
    expect(TeamsMessage.safeParse(wrongType).success).toBe(false);
  });
});
