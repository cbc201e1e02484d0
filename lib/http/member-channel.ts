import { FEED_CONTENT_TYPES, FEED_FILES, feedBodies, type FeedFile } from '@/lib/domain/feeds/feed-set';
import { buildV2Documents, V2_PATHS, type V2Path } from '@/lib/domain/statuspage/documents';
import { memberAudiences } from '@/lib/auth/member-session';
import { publicUrl } from '@/lib/env';
import type { ServiceContext } from '@/lib/services/context';
import { getChannelViewer } from '@/lib/services/get-member-viewer';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';

/**
 * A member's own response is theirs alone: no shared cache may keep it, no page may embed it,
 * and a feed URL (its secret in the path) is not sent on as a Referer.
 */
const PRIVATE_HEADERS = {
  'cache-control': 'private, no-store',
  vary: 'Authorization',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
};

/** What a member channel may answer: a v2 document or a feed file. */
export type MemberChannelKey = { kind: 'v2'; path: V2Path } | { kind: 'feed'; file: FeedFile };

/** The key a path names, or undefined (404). */
export function memberChannelKey(kind: 'v2' | 'feed', path: string): MemberChannelKey | undefined {
  if (kind === 'v2') return (V2_PATHS as readonly string[]).includes(path) ? { kind, path: path as V2Path } : undefined;
  return (FEED_FILES as readonly string[]).includes(path) ? { kind, file: path as FeedFile } : undefined;
}

/** The bearer token of an `Authorization` header, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Answers a member's v2 document or feed, built per request from what their audiences may see
 * (the public view plus their private components, incidents and postmortems). An unknown, rotated
 * or removed member's secret gets 401 on the API and 404 on a feed URL, at once: nothing is cached.
 */
export async function answerMemberChannel(ctx: ServiceContext, channel: 'v2' | 'feed', token: string | undefined, path: string): Promise<Response> {
  const viewer = await getChannelViewer(ctx.db, token);
  if (!viewer) {
    if (channel === 'feed') return notFound();
    return json({ error: { code: 'unauthorized', message: 'A member API token is required: Authorization: Bearer <token>' } }, 401, { 'www-authenticate': 'Bearer realm="beacon-member"' });
  }
  const key = memberChannelKey(channel, path);
  if (!key) return notFound();
  const baseUrl = publicUrl();
  const data = await getStatuspageData({ ctx, baseUrl, viewer: memberAudiences(viewer) });
  const docs = buildV2Documents(data);
  if (key.kind === 'v2') return json(docs[key.path], 200);
  const cancelled = new Set(data.incidents.filter((i) => i.status === 'cancelled').map((i) => i.id));
  const body = feedBodies(docs, { baseUrl, now: ctx.now(), cancelled })[key.file];
  return new Response(body, { status: 200, headers: { 'content-type': FEED_CONTENT_TYPES[key.file], ...PRIVATE_HEADERS } });
}

function json(doc: object, status: number, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(doc), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...PRIVATE_HEADERS, ...extra } });
}

function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...PRIVATE_HEADERS } });
}
