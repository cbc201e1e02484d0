import type { ChatAlert } from '@/lib/domain/chat/alert';
import { DISCORD_MARKDOWN } from '@/lib/domain/chat/discord';
import { convertMarkdown, truncate } from '@/lib/domain/chat/markdown';

/** A post holds 16,383 characters by default (Mattermost's MaxPostSize); the text stays well under. */
export const MATTERMOST_LIMITS = { text: 8000, fields: 20 } as const;

/**
 * A Mattermost incoming-webhook message with one attachment (developers.mattermost.com,
 * "message attachments"): colour bar, title linking to the incident, markdown text, and a
 * short field per component change. Incoming webhooks take no `root_id`, so no threads.
 */
export function toMattermost(alert: ChatAlert): Record<string, unknown> {
  const body = truncate(convertMarkdown(alert.body, DISCORD_MARKDOWN), MATTERMOST_LIMITS.text);
  return {
    attachments: [
      {
        fallback: `${alert.title}: ${alert.status}`,
        color: alert.color,
        author_name: alert.pageName,
        title: alert.title,
        title_link: alert.url,
        pretext: `**${alert.status}**`,
        text: `${body}\n\n[${alert.linkLabel}](${alert.url}) · [${alert.labels.manage}](${alert.manageUrl})`.trim(),
        fields: alert.changes.slice(0, MATTERMOST_LIMITS.fields).map((c) => ({ short: true, title: c.name, value: `${c.from} → ${c.to}` })),
        footer: alert.time,
      },
    ],
  };
}
