import { describe, expect, it } from 'vitest';
import { toMattermost } from '@/lib/domain/chat/mattermost';
import { oversizedAlert, sampleAlert } from '@/lib/domain/chat/testing/alerts';
import { MattermostMessage } from '@/lib/domain/chat/testing/platform-schemas';

type Attachment = { color: string; title: string; title_link: string; text: string; fields: { short: boolean; title: string; value: string }[] };

describe('Mattermost attachments', () => {
  it('is one attachment with the colour, a title linking to the incident, markdown text and short fields', () => {
    const message = toMattermost(sampleAlert());
    expect(MattermostMessage.safeParse(message).error).toBeUndefined();
    const a = (message.attachments as Attachment[])[0]!;
    expect(a.color).toBe('#e67e22');
    expect(a.title_link).toBe('https://status.acme.test/incidents/inc123');
    expect(a.text).toContain('The **SMSC** in *Frankfurt* queues messages.');
    expect(a.fields).toEqual([
      { short: true, title: 'SMS', value: 'Operational → Partial Outage' },
      { short: true, title: 'REST API', value: 'Operational → Degraded Performance' },
    ]);
  });

  it('keeps an oversized alert within a post', () => {
    const message = toMattermost(oversizedAlert());
    expect(MattermostMessage.safeParse(message).error).toBeUndefined();
    expect((message.attachments as Attachment[])[0]!.fields.length).toBeLessThanOrEqual(20);
  });
});
