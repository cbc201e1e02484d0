import { headers } from 'next/headers';

/**
 * Whether a state-changing request comes from this site. Next checks Origin on server actions
 * only when the header is present, and route handlers not at all, so every write checks here:
 * the Origin must match the Host, or, without Origin, Sec-Fetch-Site must say same-origin.
 */
export function isSameOrigin(h: Headers): boolean {
  const origin = h.get('origin');
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return h.get('sec-fetch-site') === 'same-origin';
}

/** Throws unless the current request is same-origin (for server actions). */
export async function assertSameOrigin(): Promise<void> {
  if (!isSameOrigin(await headers())) throw new CrossOriginError();
}

export class CrossOriginError extends Error {
  constructor() {
    super('This request did not come from this site');
  }
}
