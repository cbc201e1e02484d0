import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed download links for incident files (issue #16 part 5): an HMAC-SHA256 over the file,
 * the member and the expiry, with a server key. Without the key a link cannot be made, and a
 * link names its member, so it opens nothing for anyone else. Pure: `now` and the key are passed in.
 */

/** How long a link on a member's incident page stays valid. */
export const FILE_LINK_TTL_MS = 10 * 60 * 1000;

export interface FileLink {
  fileId: string;
  memberId: string;
  /** Unix time in seconds. */
  expires: number;
}

const message = (link: FileLink) => `incident-file:v1:${link.fileId}:${link.memberId}:${link.expires}`;

/** The signature of a link (43 URL-safe characters). */
export function fileLinkSignature(link: FileLink, key: Uint8Array): string {
  return createHmac('sha256', key).update(message(link)).digest('base64url');
}

/** A link for `memberId` to `fileId`, valid for `ttlMs` from `now`. */
export function signFileLink(fileId: string, memberId: string, now: Date, key: Uint8Array, ttlMs = FILE_LINK_TTL_MS): FileLink & { signature: string } {
  const link = { fileId, memberId, expires: Math.floor((now.getTime() + ttlMs) / 1000) };
  return { ...link, signature: fileLinkSignature(link, key) };
}

/** The path a member follows to download. */
export function fileLinkPath(link: FileLink & { signature: string }): string {
  const query = new URLSearchParams({ member: link.memberId, expires: String(link.expires), signature: link.signature });
  return `/api/files/${encodeURIComponent(link.fileId)}?${query}`;
}

export type LinkCheck = 'valid' | 'expired' | 'invalid';

/** Whether a presented link was made with `key` (compared in constant time) and is still valid at `now`. */
export function checkFileLink(link: FileLink, signature: string, now: Date, key: Uint8Array): LinkCheck {
  const expected = Buffer.from(fileLinkSignature(link, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return now.getTime() >= link.expires * 1000 ? 'expired' : 'valid';
}
