import type { ChatAlert } from '@/lib/domain/chat/alert';
import { COLORS } from '@/lib/domain/chat/alert';
import { convertMarkdown, truncate, type Markup } from '@/lib/domain/chat/markdown';

/** A Teams message holds 28 KB; the text stays well under (learn.microsoft.com, connectors and workflows). */
export const TEAMS_LIMITS = { text: 12000, facts: 20 } as const;
export const ADAPTIVE_CARD_VERSION = '1.4';

// TextBlock markdown would read these as formatting.
const escape = (s: string) => s.replace(/([\\*_[\]])/g, '\\$1');

/** The markdown subset a TextBlock renders: bold, italic, links, bulleted and numbered lists. */
export const TEAMS_MARKDOWN: Markup = {
  text: escape,
  strong: (s) => `**${s}**`,
  em: (s) => `_${s}_`,
  // No strikethrough and no code in TextBlock: the words stay, unformatted.
  del: (s) => s,
  code: (s) => escape(s),
  codeBlock: (s) => escape(s),
  link: (text, href) => `[${text}](${href.replace(/\)/g, '%29')})`,
  heading: (s) => `**${s}**`,
  quote: (s) => `_${s}_`,
  item: (s, n) => `${n === null ? '-' : `${n}.`} ${s}`,
  blockGap: '\n\n',
  lineBreak: '\n',
};

// Container styles carry the status colour (TextBlock colours are named, not hex).
function styleOf(color: string): 'attention' | 'warning' | 'good' | 'accent' {
  if (color === COLORS.critical || color === COLORS.major) return 'attention';
  if (color === COLORS.minor) return 'warning';
  if (color === COLORS.resolved) return 'good';
  return 'accent';
}

/**
 * A Teams incoming-webhook (Workflows) message: the `message` envelope with one Adaptive Card
 * attachment. Incoming webhooks post new conversations only, so updates are not threaded.
 */
export function toTeams(alert: ChatAlert): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    {
      type: 'Container',
      style: styleOf(alert.color),
      bleed: true,
      items: [
        { type: 'TextBlock', text: escape(alert.title), size: 'Large', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: `**${escape(alert.status)}** · ${escape(alert.pageName)}`, spacing: 'Small', wrap: true },
      ],
    },
  ];
  const text = truncate(convertMarkdown(alert.body, TEAMS_MARKDOWN), TEAMS_LIMITS.text);
  if (text) body.push({ type: 'TextBlock', text, wrap: true });
  if (alert.changes.length > 0) {
    body.push({
      type: 'FactSet',
      facts: alert.changes.slice(0, TEAMS_LIMITS.facts).map((c) => ({ title: c.name, value: `${c.from} → ${c.to}` })),
    });
  }
  body.push({ type: 'TextBlock', text: `${escape(alert.time)} · [${escape(alert.labels.manage)}](${alert.manageUrl})`, size: 'Small', isSubtle: true, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: ADAPTIVE_CARD_VERSION,
          msteams: { width: 'Full' },
          body,
          actions: [{ type: 'Action.OpenUrl', title: alert.linkLabel, url: alert.url }],
        },
      },
    ],
  };
}
