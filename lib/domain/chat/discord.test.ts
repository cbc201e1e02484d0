import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, toDiscord } from '@/lib/domain/chat/discord';
import { oversizedAlert, sampleAlert } from '@/lib/domain/chat/testing/alerts';
import { DiscordMessage } from '@/lib/domain/chat/testing/platform-schemas';

type Embed = { title: string; description: string; color: number; url: string; fields: { name: string; value: string }[]; footer: { text: string } };
const embedOf = (m: Record<string, unknown>) => (m.embeds as Embed[])[0]!;

describe('Discord embed', () => {
  it('is one embed with the colour as an integer, markdown description, fields and a link; pings nobody', () => {
    const message = toDiscord(sampleAlert());
    expect(DiscordMessage.safeParse(message).error).toBeUndefined();
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const embed = embedOf(message);
    expect(embed.color).toBe(0xe67e22);
    expect(embed.url).toBe('https://status.acme.test/incidents/inc123');
    expect(embed.description).toContain('The **SMSC** in *Frankfurt* queues messages.\n\n- MT SMS delayed up to 5 min');
    expect(embed.description).toContain('[View incident](https://status.acme.test/incidents/inc123)');
    expect(embed.fields[0]).toEqual({ name: 'SMS', value: 'Operational → Partial Outage', inline: true });
  });

  it('stays within title 256, description 4,096, 25 fields and 6,000 characters in all', () => {
    const message = toDiscord(oversizedAlert());
    expect(DiscordMessage.safeParse(message).error).toBeUndefined();
    const embed = embedOf(message);
    expect(embed.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed.fields.length).toBeGreaterThan(0);
    expect(embed.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    // The links at the end are kept when the text is cut.
    expect(embed.description.endsWith('[Manage alerts](https://status.acme.test/subscriptions/manage/abc-def)')).toBe(true);
  });
});
