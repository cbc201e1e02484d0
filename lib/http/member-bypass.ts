import { getDb } from '@/lib/db';
import { splitLocale } from '@/lib/i18n/paths';
import { getMemberViewer } from '@/lib/services/get-member-viewer';

/** The member session cookie's name (lib/auth/member-session.ts sets it). */
const COOKIE = 'beacon_member';
/** The public pages a member sees differently: `/`, incident and component pages (in any language: `/de/incidents/…`). */
const MEMBER_PAGE = /^\/(?:(?:incidents|components)\/[a-z0-9]{1,64})?$/;

/**
 * The member session token of a request for a page a member sees differently, or undefined:
 * such a request must not be answered from the public snapshot (nor a member's page stored in it).
 */
export function memberTokenFor(pathname: string, cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader || !cookieHeader.includes(`${COOKIE}=`) || !MEMBER_PAGE.test(splitLocale(pathname).rest)) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/** Whether the token opens a live member session (a stale cookie reads the snapshot like anyone). */
export async function isMemberSession(token: string): Promise<boolean> {
  try {
    const { kysely } = await getDb();
    return (await getMemberViewer(kysely, token, new Date())) !== undefined;
  } catch {
    // Database down: the snapshot still serves (the public view).
    return false;
  }
}
