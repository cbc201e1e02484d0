'use client';

import Link from 'next/link';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { withPrefix } from '@/lib/i18n/paths';

/** The URL prefix this page was asked for ('' unprefixed, '/de'…): its links keep to it. */
const PrefixContext = createContext('');

export function LocalePrefixProvider({ prefix, children }: { prefix: string; children: ReactNode }) {
  return <PrefixContext.Provider value={prefix}>{children}</PrefixContext.Provider>;
}

/** Turns a public path into this page's language's (`/history` → `/de/history`). */
export function useLocalHref(): (path: string) => string {
  const prefix = useContext(PrefixContext);
  return useCallback((path: string) => withPrefix(prefix, path), [prefix]);
}

/** A next/link to a public path in this page's language; usable from server components too. */
export function LocalLink({ href, ...props }: Omit<React.ComponentProps<typeof Link>, 'href'> & { href: string }) {
  const local = useLocalHref();
  return <Link {...props} href={local(href)} />;
}
