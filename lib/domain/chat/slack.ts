import type { ChatAlert } from '@/lib/domain/chat/alert';
import { convertMarkdown, truncate, type Markup } from '@/lib/domain/chat/markdown';

/** Block Kit limits (api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = { blocks: 50, headerText: 150, sectionText: 3000, fieldText: 2000, fields: 10, contextElements: 10, buttonText: 75 } as const;
const BODY_SECTIONS = 8;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack mrkdwn (api.slack.com/reference/surfaces/formatting). */
export const SLACK_MRKDWN: Markup = {
  text: escape,
  strong: (s) => `*${s}*`,
  em: (s) => `_${s}_`,
  del: (s) => `~${s}~`,
  code: (s) => `\`${escape(s)}\``,
  codeBlock: (s) => `\`\`\`${escape(s)}\`\`\``,
  link: (text, href) => `<${href.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${text}>`,
  heading: (s) => `*${s}*`,
  quote: (s) => s.split('\n').map((l) => `> ${l}`).join('\n'),
  item: (s, n) => `${n === null ? '•' : `${n}.`} ${s}`,
  blockGap: '\n\n',
  lineBreak: '\n',
};

/**
 * A Slack incoming-webhook message: Block Kit blocks in one attachment, whose `color` is the
 * status colour (blocks alone carry none). Incoming webhooks cannot thread (they take no
 * `thread_ts` and return no message ts), so every update is its own message.
 */
export function toSlack(alert: ChatAlert): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(alert.title, SLACK_LIMITS.headerText), emoji: true } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `*${escape(alert.status)}* · ${escape(alert.pageName)} · ${slackDate(alert.at, alert.time)}` }],
    },
  ];
  const body = convertMarkdown(alert.body, SLACK_MRKDWN);
  for (const chunk of chunks(body, SLACK_LIMITS.sectionText, BODY_SECTIONS)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
  // Room left for component sections after the closing actions and context blocks.
  const room = SLACK_LIMITS.blocks - blocks.length - 2;
  const fields = alert.changes.map((c) => ({ type: 'mrkdwn', text: truncate(`*${escape(c.name)}*\n${escape(c.from)} → ${escape(c.to)}`, SLACK_LIMITS.fieldText) }));
  for (let i = 0; i < fields.length && i / SLACK_LIMITS.fields < room; i += SLACK_LIMITS.fields) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + SLACK_LIMITS.fields) });
  }
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: truncate(alert.linkLabel, SLACK_LIMITS.buttonText) }, url: alert.url }],
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${alert.manageUrl}|${escape(alert.labels.manageOrStop)}>` }] });
  return {
    // The notification and screen-reader text; Slack shows the blocks.
    text: escape(`${alert.title}: ${alert.status}`),
    attachments: [{ color: alert.color, fallback: escape(`${alert.title}: ${alert.status}`), blocks }],
  };
}

/** Splits text into at most `count` pieces of at most `max` characters, at line ends where it can. */
export function chunks(text: string, max: number, count: number): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0 && out.length < count) {
    if (rest.length <= max) {
      out.push(rest);
      break;
    }
    if (out.length === count - 1) {
      out.push(truncate(rest, max));
      break;
    }
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n+/, '');
  }
  return out;
}

// Slack shows the date in each reader's own time zone; the fallback is the subscriber's.
function slackDate(iso: string, fallback: string): string {
  const epoch = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${epoch}^{date_short_pretty} {time}|${escape(fallback)}>`;
}
