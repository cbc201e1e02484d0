import { colorInt, type ChatAlert } from '@/lib/domain/chat/alert';
import { convertMarkdown, truncate, type Markup } from '@/lib/domain/chat/markdown';

/** Embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = { embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 } as const;

const MIN_TEXT = 1000;

const escape = (s: string) => s.replace(/([\\*_~`|[\]])/g, '\\$1');

/** Discord markdown; also what Mattermost reads. */
export const DISCORD_MARKDOWN: Markup = {
  text: escape,
  strong: (s) => `**${s}**`,
  em: (s) => `*${s}*`,
  del: (s) => `~~${s}~~`,
  code: (s) => `\`${s.replace(/`/g, "'")}\``,
  codeBlock: (s) => `\`\`\`\n${s.replace(/```/g, "'''")}\n\`\`\``,
  link: (text, href) => `[${text}](${href.replace(/\)/g, '%29')})`,
  heading: (s) => `**${s}**`,
  quote: (s) => s.split('\n').map((l) => `> ${l}`).join('\n'),
  item: (s, n) => `${n === null ? '-' : `${n}.`} ${s}`,
  blockGap: '\n\n',
  lineBreak: '\n',
};

/**
 * A Discord webhook message with one embed. Threads: a webhook can post into a thread only by
 * its id (`thread_id`), or open a forum post with `thread_name`; Beacon does neither (a plain
 * text channel refuses both), so updates follow one another in the channel. Mentions in the
 * text never ping anyone (`allowed_mentions`).
 */
export function toDiscord(alert: ChatAlert): Record<string, unknown> {
  const title = truncate(alert.title, DISCORD_LIMITS.title);
  const footer = truncate(`${alert.pageName} · ${alert.status}`, DISCORD_LIMITS.footer);
  const links = `\n\n[${escape(alert.linkLabel)}](${alert.url}) · [${escape(alert.labels.manage)}](${alert.manageUrl})`;
  // Fields take what the 6,000 characters leave after the title, footer, links and some text.
  let used = title.length + footer.length;
  const fields: { name: string; value: string; inline: true }[] = [];
  for (const c of alert.changes.slice(0, DISCORD_LIMITS.fields)) {
    const field = { name: truncate(c.name, DISCORD_LIMITS.fieldName), value: truncate(`${c.from} → ${c.to}`, DISCORD_LIMITS.fieldValue), inline: true as const };
    if (used + field.name.length + field.value.length > DISCORD_LIMITS.total - links.length - MIN_TEXT) break;
    used += field.name.length + field.value.length;
    fields.push(field);
  }
  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.total - used) - links.length;
  const description = `${truncate(convertMarkdown(alert.body, DISCORD_MARKDOWN), Math.max(0, room))}${links}`.trim();
  return {
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title,
        url: alert.url,
        description,
        color: colorInt(alert.color),
        fields,
        footer: { text: footer },
        timestamp: alert.at,
      },
    ],
  };
}
