import { describe, expect, it } from 'vitest';
import { chunks, SLACK_LIMITS, toSlack } from '@/lib/domain/chat/slack';
import { oversizedAlert, sampleAlert } from '@/lib/domain/chat/testing/alerts';
import { SlackMessage } from '@/lib/domain/chat/testing/platform-schemas';

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { url?: string; text: string | { text: string } }[] };
const blocksOf = (m: Record<string, unknown>) => (m.attachments as { color: string; blocks: Block[] }[])[0]!;

describe('Slack Block Kit', () => {
  it('is a valid Block Kit message: header, status, mrkdwn body, component fields, a button to the incident, colour bar', () => {
    const message = toSlack(sampleAlert());
    expect(SlackMessage.safeParse(message).error).toBeUndefined();
    const { color, blocks } = blocksOf(message);
    expect(color).toBe('#e67e22');
    expect(blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'section', 'actions', 'context']);
    expect(blocks[0]!.text!.text).toBe('SMS delivery delayed in Europe');
    expect(blocks[2]!.text!.text).toContain('The *SMSC* in _Frankfurt_ queues messages.\n\n• MT SMS delayed up to 5 min');
    expect(blocks[3]!.fields!.map((f) => f.text)).toEqual(['*SMS*\nOperational → Partial Outage', '*REST API*\nOperational → Degraded Performance']);
    expect(blocks[4]!.elements![0]!.url).toBe('https://status.acme.test/incidents/inc123');
    expect(message.text).toBe('SMS delivery delayed in Europe: Identified');
  });

  it('stays within the limits for an oversized alert: 50 blocks, 150-char header, 3,000-char sections, 10 fields', () => {
    const message = toSlack(oversizedAlert());
    expect(SlackMessage.safeParse(message).error).toBeUndefined();
    const { blocks } = blocksOf(message);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(blocks[0]!.text!.text.length).toBeLessThanOrEqual(150);
    expect(blocks[0]!.text!.text.endsWith('…')).toBe(true);
    // The closing button and manage link survive whatever comes before them.
    expect(blocks.at(-2)!.type).toBe('actions');
    expect(blocks.at(-1)!.type).toBe('context');
  });

  it('splits long text at line ends into at most the given count', () => {
    expect(chunks('aaa\nbbb\nccc', 8, 5)).toEqual(['aaa\nbbb', 'ccc']);
    const capped = chunks('x'.repeat(100), 10, 3);
    expect(capped).toHaveLength(3);
    expect(capped.every((c) => c.length <= 10)).toBe(true);
  });

  it('the test message has no component fields and links to the page', () => {
    const { blocks } = blocksOf(toSlack(sampleAlert({ kind: 'subscription.verify', changes: [], url: 'https://status.acme.test', linkLabel: 'View status page' })));
    expect(blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'actions', 'context']);
  });
});
