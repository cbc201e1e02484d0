import type { ChatAlert } from '@/lib/domain/chat/alert';
import { convertMarkdown, truncate, type Markup } from '@/lib/domain/chat/markdown';

/** A Chat message holds 32,000 bytes (developers.google.com/workspace/chat/format-messages); the text stays under. */
export const GOOGLE_CHAT_LIMITS = { text: 8000, changes: 25, name: 200 } as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML a card's textParagraph renders: b, i, s, a, font color and br; no lists, so bullets by hand. */
export const GOOGLE_CHAT_HTML: Markup = {
  text: escape,
  strong: (s) => `<b>${s}</b>`,
  em: (s) => `<i>${s}</i>`,
  del: (s) => `<s>${s}</s>`,
  code: (s) => `<font color="#5f6368">${escape(s)}</font>`,
  codeBlock: (s) => `<font color="#5f6368">${escape(s).replace(/\n/g, '<br>')}</font>`,
  link: (text, href) => `<a href="${escape(href)}">${text}</a>`,
  heading: (s) => `<b>${s}</b>`,
  quote: (s) => `<i>${s}</i>`,
  item: (s, n) => `${n === null ? '•' : `${n}.`} ${s}`,
  blockGap: '<br><br>',
  lineBreak: '<br>',
};

/**
 * A Google Chat incoming-webhook message with one cardsV2 card. Updates of one incident share a
 * thread: the delivery adds `threadKey` (the incident id) and
 * `messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD` to the URL (see `googleChatUrl`).
 */
export function toGoogleChat(alert: ChatAlert): Record<string, unknown> {
  const widgets: Record<string, unknown>[] = [
    { decoratedText: { topLabel: escape(alert.labels.status), text: `<font color="${alert.color}"><b>${escape(alert.status)}</b></font>` } },
  ];
  const text = truncate(convertMarkdown(alert.body, GOOGLE_CHAT_HTML), GOOGLE_CHAT_LIMITS.text);
  if (text) widgets.push({ textParagraph: { text } });
  const changes = alert.changes.slice(0, GOOGLE_CHAT_LIMITS.changes).map((c) => ({
    decoratedText: { topLabel: escape(truncate(c.name, GOOGLE_CHAT_LIMITS.name)), text: `${escape(c.from)} → ${escape(c.to)}` },
  }));
  const sections: Record<string, unknown>[] = [{ widgets }];
  if (changes.length > 0) sections.push({ header: escape(alert.labels.components), widgets: changes });
  sections.push({
    widgets: [
      {
        buttonList: {
          buttons: [
            { text: alert.linkLabel, onClick: { openLink: { url: alert.url } } },
            { text: alert.labels.manage, onClick: { openLink: { url: alert.manageUrl } } },
          ],
        },
      },
    ],
  });
  return {
    // The notification text; the card is what the space shows.
    text: `${alert.title}: ${alert.status}`,
    cardsV2: [{ cardId: 'beacon-alert', card: { header: { title: alert.title, subtitle: `${alert.pageName} · ${alert.time}` }, sections } }],
  };
}

/** The webhook URL with the thread parameters, so one incident's updates land in one thread. */
export function googleChatUrl(url: string, threadKey: string | null): string {
  if (!threadKey) return url;
  const u = new URL(url);
  u.searchParams.set('threadKey', threadKey);
  u.searchParams.set('messageReplyOption', 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
  return u.toString();
}
