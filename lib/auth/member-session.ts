import { cookies } from 'next/headers';
import { publicUrl } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { getMemberViewer, type MemberViewer } from '@/lib/services/get-member-viewer';
import { PUBLIC_VIEWER, type Viewer } from '@/lib/domain/visibility';

/** The cookie of a member's device session (not the console's: members never reach /admin). */
export const MEMBER_COOKIE = 'beacon_member';

/** httpOnly, SameSite=Lax (the magic link arrives from a mail client), Secure when the page is on https. */
export function memberCookieOptions(expiresAt: string) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: publicUrl().startsWith('https://'), path: '/', expires: new Date(expiresAt) };
}

/** The signed-in member reading this page, or undefined (anonymous, expired, removed). */
export async function currentMemberViewer(): Promise<MemberViewer | undefined> {
  const token = (await cookies()).get(MEMBER_COOKIE)?.value;
  if (!token) return undefined;
  const ctx = await requestContext();
  return getMemberViewer(ctx.db, token, ctx.now());
}

/** What a page may show its reader: the member's audiences, or the public's view. */
export function memberAudiences(viewer: MemberViewer | undefined): Viewer {
  return viewer ? { kind: 'audiences', audienceIds: viewer.audiences.map((a) => a.id) } : PUBLIC_VIEWER;
}
