import { describe, expect, it } from 'vitest';
import { googleChatUrl, toGoogleChat } from '@/lib/domain/chat/google-chat';
import { oversizedAlert, sampleAlert } from '@/lib/domain/chat/testing/alerts';
import { GoogleChatMessage } from '@/lib/domain/chat/testing/platform-schemas';

type Card = { header: { title: string }; sections: { header?: string; widgets: Record<string, { text?: string; topLabel?: string; buttons?: { onClick: { openLink: { url: string } } }[] }>[] }[] };
const cardOf = (m: Record<string, unknown>) => (m.cardsV2 as { card: Card }[])[0]!.card;

describe('Google Chat cardsV2', () => {
  it('is a valid card: coloured status, HTML text, a components section and a button to the incident', () => {
    const message = toGoogleChat(sampleAlert());
    expect(GoogleChatMessage.safeParse(message).error).toBeUndefined();
    const card = cardOf(message);
    expect(card.header.title).toBe('SMS delivery delayed in Europe');
    expect(card.sections[0]!.widgets[0]!.decoratedText!.text).toBe('<font color="#e67e22"><b>Identified</b></font>');
    expect(card.sections[0]!.widgets[1]!.textParagraph!.text).toContain('The <b>SMSC</b> in <i>Frankfurt</i> queues messages.<br><br>• MT SMS');
    expect(card.sections[1]!.header).toBe('Components');
    expect(card.sections[2]!.widgets[0]!.buttonList!.buttons![0]!.onClick.openLink.url).toBe('https://status.acme.test/incidents/inc123');
  });

  it('fits 32,000 bytes for an oversized alert', () => {
    expect(GoogleChatMessage.safeParse(toGoogleChat(oversizedAlert())).error).toBeUndefined();
  });

  it('threads one incident by threadKey, falling back to a new thread', () => {
    const url = googleChatUrl('https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t', 'inc123');
    const params = new URL(url).searchParams;
    expect(params.get('key')).toBe('k');
    expect(params.get('threadKey')).toBe('inc123');
    expect(params.get('messageReplyOption')).toBe('REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
    expect(googleChatUrl('https://chat.googleapis.com/v1/spaces/AAA/messages', null)).toBe('https://chat.googleapis.com/v1/spaces/AAA/messages');
  });
});
