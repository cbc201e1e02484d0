import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatPlatform } from '@/lib/domain/chat/alert';
import { PLATFORM_SCHEMAS } from '@/lib/domain/chat/testing/platform-schemas';

/** One message as a chat platform's incoming webhook saw it. */
export interface ReceivedChat {
  platform: ChatPlatform;
  path: string;
  query: URLSearchParams;
  status: number;
  /** What the platform's documented schema says about the body: empty when valid. */
  issues: string[];
  body: Record<string, unknown>;
}

const PATH_PLATFORM: Record<string, ChatPlatform> = {
  slack: 'slack',
  teams: 'teams',
  discord: 'discord',
  'google-chat': 'google_chat',
  mattermost: 'mattermost',
};

/**
 * Loopback stand-ins for the five platforms' incoming webhooks: `/<platform>/<channel>` (platform
 * slack, teams, discord, google-chat or mattermost). Each checks the body against the platform's
 * documented structure and answers as the platform does: Slack 200 "ok" or 400 "invalid_blocks",
 * Teams 202, Discord 204 or 400, Google Chat 200 with the message and its thread, Mattermost 200.
 */
export async function startChatReceiver() {
  const received: ReceivedChat[] = [];
  const failNext = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const platform = PATH_PLATFORM[url.pathname.split('/')[1] ?? ''];
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!platform || req.method !== 'POST') {
        res.statusCode = 404;
        res.end();
        return;
      }
      let body: Record<string, unknown> = {};
      let issues: string[] = [];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const checked = PLATFORM_SCHEMAS[platform].safeParse(body);
        issues = checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      } catch {
        issues = ['not JSON'];
      }
      if (req.headers['content-type']?.startsWith('application/json') !== true) issues.push('content-type is not application/json');
      const failing = failNext.get(url.pathname) ?? 0;
      if (failing > 0) failNext.set(url.pathname, failing - 1);
      const answer = failing > 0 ? { status: 500, text: 'unavailable' } : issues.length > 0 ? { status: 400, text: 'invalid_payload' } : ok(platform, url);
      received.push({ platform, path: url.pathname, query: url.searchParams, status: answer.status, issues, body });
      res.statusCode = answer.status;
      res.setHeader('content-type', answer.text.startsWith('{') ? 'application/json' : 'text/plain');
      res.end(answer.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    /** The incoming-webhook URL of a channel on one platform. */
    url: (platform: ChatPlatform, channel: string) => `${base}/${platform === 'google_chat' ? 'google-chat' : platform}/${channel}`,
    /** Messages one channel got, in arrival order. */
    to: (platform: ChatPlatform, channel: string) => received.filter((r) => r.platform === platform && r.path.endsWith(`/${channel}`)),
    /** The next `times` requests to the channel's path fail with a 500. */
    failNext: (path: string, times: number) => failNext.set(path, times),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function ok(platform: ChatPlatform, url: URL): { status: number; text: string } {
  switch (platform) {
    case 'teams':
      return { status: 202, text: '' };
    case 'discord':
      return { status: 204, text: '' };
    case 'google_chat': {
      const space = url.pathname.split('/')[2] ?? 'space';
      const thread = url.searchParams.get('threadKey') ?? Math.random().toString(36).slice(2);
      return { status: 200, text: JSON.stringify({ name: `spaces/${space}/messages/${Date.now()}`, thread: { name: `spaces/${space}/threads/${thread}` } }) };
    }
    default:
      return { status: 200, text: 'ok' };
  }
}

