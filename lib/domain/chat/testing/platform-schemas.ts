import { z } from 'zod';
import type { ChatPlatform } from '@/lib/domain/chat/alert';

// The documented structure and limits of each platform's incoming-webhook body, as far as Beacon
// uses it. Objects are strict: a field the platform does not know fails, as it would there.

const Hex = z.string().regex(/^#[0-9a-f]{6}$/i);
const Url = z.url({ protocol: /^https?$/ });

// Slack Block Kit (api.slack.com/reference/block-kit/blocks and /composition-objects).
const SlackPlain = (max: number) => z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const SlackMrkdwn = (max: number) => z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().optional() });
const SlackBlock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), text: SlackPlain(150), block_id: z.string().max(255).optional() }),
  z
    .strictObject({ type: z.literal('section'), text: SlackMrkdwn(3000).optional(), fields: z.array(SlackMrkdwn(2000)).min(1).max(10).optional() })
    .refine((s) => s.text || s.fields, 'a section needs text or fields'),
  z.strictObject({ type: z.literal('context'), elements: z.array(SlackMrkdwn(3000)).min(1).max(10) }),
  z.strictObject({
    type: z.literal('actions'),
    elements: z.array(z.strictObject({ type: z.literal('button'), text: SlackPlain(75), url: Url.max(3000), action_id: z.string().optional() })).min(1).max(25),
  }),
  z.strictObject({ type: z.literal('divider') }),
]);
export const SlackMessage = z
  .strictObject({
    text: z.string().min(1).max(40_000),
    blocks: z.array(SlackBlock).max(50).optional(),
    attachments: z.array(z.strictObject({ color: Hex, fallback: z.string().optional(), blocks: z.array(SlackBlock).min(1).max(50) })).max(20).optional(),
  })
  .refine((m) => (m.blocks?.length ?? 0) + (m.attachments ?? []).reduce((n, a) => n + a.blocks.length, 0) <= 50, 'at most 50 blocks in a message');

// Adaptive Card 1.4 in the Teams `message` envelope (adaptivecards.io/explorer; learn.microsoft.com,
// "Create Incoming Webhooks": attachments[].contentType application/vnd.microsoft.card.adaptive).
const Spacing = z.enum(['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']);
type CardElement =
  | { type: 'TextBlock'; text: string; size?: string; weight?: string; color?: string; isSubtle?: boolean; wrap?: boolean; spacing?: string }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; spacing?: string }
  | { type: 'Container'; items: CardElement[]; style?: string; bleed?: boolean; spacing?: string };
const CardElement: z.ZodType<CardElement> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('TextBlock'),
      text: z.string().min(1),
      size: z.enum(['Small', 'Default', 'Medium', 'Large', 'ExtraLarge']).optional(),
      weight: z.enum(['Lighter', 'Default', 'Bolder']).optional(),
      color: z.enum(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']).optional(),
      isSubtle: z.boolean().optional(),
      wrap: z.boolean().optional(),
      spacing: Spacing.optional(),
    }),
    z.strictObject({ type: z.literal('FactSet'), facts: z.array(z.strictObject({ title: z.string(), value: z.string() })).min(1), spacing: Spacing.optional() }),
    z.strictObject({
      type: z.literal('Container'),
      items: z.array(CardElement).min(1),
      style: z.enum(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']).optional(),
      bleed: z.boolean().optional(),
      spacing: Spacing.optional(),
    }),
  ]),
);
export const AdaptiveCard = z.strictObject({
  $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json').optional(),
  type: z.literal('AdaptiveCard'),
  version: z.string().regex(/^1\.[0-6]$/),
  msteams: z.strictObject({ width: z.literal('Full') }).optional(),
  body: z.array(CardElement).min(1),
  actions: z.array(z.strictObject({ type: z.literal('Action.OpenUrl'), title: z.string().min(1), url: Url })).optional(),
});
export const TeamsMessage = z
  .strictObject({
    type: z.literal('message'),
    attachments: z
      .array(z.strictObject({ contentType: z.literal('application/vnd.microsoft.card.adaptive'), contentUrl: z.null().optional(), content: AdaptiveCard }))
      .min(1),
  })
  .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= 28 * 1024, 'a Teams message holds at most 28 KB');

// Discord (discord.com/developers/docs/resources/webhook#execute-webhook, embed limits).
const DiscordEmbed = z.strictObject({
  title: z.string().max(256).optional(),
  description: z.string().max(4096).optional(),
  url: Url.optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  footer: z.strictObject({ text: z.string().min(1).max(2048) }).optional(),
  fields: z.array(z.strictObject({ name: z.string().min(1).max(256), value: z.string().min(1).max(1024), inline: z.boolean().optional() })).max(25).optional(),
});
export const DiscordMessage = z
  .strictObject({
    content: z.string().max(2000).optional(),
    allowed_mentions: z.strictObject({ parse: z.array(z.enum(['roles', 'users', 'everyone'])) }).optional(),
    embeds: z.array(DiscordEmbed).max(10).optional(),
  })
  .refine((m) => m.content || (m.embeds?.length ?? 0) > 0, 'content or embeds')
  .refine(
    (m) =>
      (m.embeds ?? []).reduce(
        (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0),
        0,
      ) <= 6000,
    'embeds hold at most 6,000 characters together',
  );

// Google Chat cardsV2 (developers.google.com/workspace/chat/api/reference/rest/v1/cards) and its text HTML.
const ALLOWED_TAGS = /^<\/?(b|i|u|s|br|font( color="#[0-9a-f]{6}")?|a( href="[^"<>]+")?)>$/i;
const ChatHtml = z
  .string()
  .min(1)
  .refine((s) => (s.match(/<[^>]*>/g) ?? []).every((tag) => ALLOWED_TAGS.test(tag)), 'only the HTML tags Google Chat formats');
const ChatWidget = z.union([
  z.strictObject({ textParagraph: z.strictObject({ text: ChatHtml }) }),
  z.strictObject({ decoratedText: z.strictObject({ topLabel: z.string().optional(), text: ChatHtml }) }),
  z.strictObject({
    buttonList: z.strictObject({
      buttons: z.array(z.strictObject({ text: z.string().min(1), onClick: z.strictObject({ openLink: z.strictObject({ url: Url }) }) })).min(1),
    }),
  }),
]);
export const GoogleChatMessage = z
  .strictObject({
    text: z.string().optional(),
    cardsV2: z
      .array(
        z.strictObject({
          cardId: z.string().min(1),
          card: z.strictObject({
            header: z.strictObject({ title: z.string().min(1), subtitle: z.string().optional() }).optional(),
            sections: z.array(z.strictObject({ header: z.string().optional(), widgets: z.array(ChatWidget).min(1) })).min(1),
          }),
        }),
      )
      .min(1),
  })
  .refine((m) => Buffer.byteLength(JSON.stringify(m)) <= 32_000, 'a Chat message holds at most 32,000 bytes');

// Mattermost message attachments (developers.mattermost.com/integrate/reference/message-attachments).
export const MattermostMessage = z
  .strictObject({
    text: z.string().optional(),
    attachments: z
      .array(
        z.strictObject({
          fallback: z.string().min(1),
          color: Hex,
          author_name: z.string().optional(),
          title: z.string().optional(),
          title_link: Url.optional(),
          pretext: z.string().optional(),
          text: z.string().optional(),
          fields: z.array(z.strictObject({ short: z.boolean(), title: z.string(), value: z.string() })).optional(),
          footer: z.string().optional(),
        }),
      )
      .min(1),
  })
  .refine((m) => JSON.stringify(m).length <= 16_383 * 2, 'fits a post');

export const PLATFORM_SCHEMAS: Record<ChatPlatform, z.ZodType> = {
  slack: SlackMessage,
  teams: TeamsMessage,
  discord: DiscordMessage,
  google_chat: GoogleChatMessage,
  mattermost: MattermostMessage,
};
