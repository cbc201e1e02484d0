'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';

export interface NavItem {
  href: string;
  label: string;
}

/** True when `pathname` is the item's page or one below it (the dashboard only matches itself). */
export function isCurrent(href: string, pathname: string): boolean {
  return href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The console navigation: the current page marked (aria-current), a row that wraps on wide
 * screens, and behind a Menu button on a phone, closing again after a choice.
 */
export function ConsoleNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // Open on the page it was opened on: choosing a page closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const current = items.find((item) => isCurrent(item.href, pathname));
  return (
    <nav aria-label="Console" className="mx-auto max-w-6xl px-4">
      <button
        type="button"
        className="mb-2 inline-flex items-center gap-2 rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium md:hidden dark:border-neutral-700"
        aria-expanded={open}
        aria-controls="console-nav-list"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span> Menu{current && <span className="font-normal text-neutral-600 dark:text-neutral-400">· {current.label}</span>}
      </button>
      <ul id="console-nav-list" className={`${open ? 'grid' : 'hidden'} grid-cols-2 gap-1 pb-3 text-sm md:flex md:flex-wrap md:gap-0.5 md:pb-2`}>
        {items.map((item) => {
          const here = isCurrent(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={here ? 'page' : undefined}
                className={`block rounded-md px-2.5 py-1.5 md:px-2 ${
                  here
                    ? 'bg-neutral-900 font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900'
                    : 'text-neutral-700 hover:bg-neutral-100 hover:text-neutral-950 dark:text-neutral-300 dark:hover:bg-neutral-800 dark:hover:text-white'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
