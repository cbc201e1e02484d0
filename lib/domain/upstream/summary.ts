import { z } from 'zod';
import { COMPONENT_STATUSES, type ComponentStatus } from '@/lib/domain/status';

/** How many components one upstream document may list; Statuspage pages hold a few hundred. */
export const MAX_UPSTREAM_COMPONENTS = 2000;

const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The part of a Statuspage summary.json Beacon reads. Objects are stripped to these keys, so
 * whatever else a hostile page sends is never copied anywhere.
 */
export const UpstreamSummary = z.object({
  page: z.object({
    name: Text(200),
    url: z.string().max(2000).optional().nullable(),
  }),
  components: z
    .array(
      z.object({
        id: Text(100),
        name: Text(300),
        status: z.enum(COMPONENT_STATUSES),
        group: z.boolean().optional().nullable(),
      }),
    )
    .max(MAX_UPSTREAM_COMPONENTS),
});
export type UpstreamSummary = z.infer<typeof UpstreamSummary>;

/** One upstream component as Beacon keeps it (groups are left out: they have no status of their own to follow). */
export interface UpstreamComponent {
  id: string;
  name: string;
  status: ComponentStatus;
}

/** The upstream page's name, a link to it, and its components; or what is wrong with the document. */
export type UpstreamDocument =
  | { ok: true; page: { name: string; url: string }; components: UpstreamComponent[] }
  | { ok: false; error: string };

/**
 * Reads an already-parsed summary document. `base` is the page's root URL, used when the page
 * names no http(s) URL of its own (a link must never become `javascript:`).
 */
export function readUpstreamSummary(value: unknown, base: string): UpstreamDocument {
  const parsed = UpstreamSummary.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `not a Statuspage summary: ${issue?.path.join('.') || 'document'} ${issue?.message ?? ''}`.trim() };
  }
  const { page, components } = parsed.data;
  return {
    ok: true,
    page: { name: page.name, url: httpUrl(page.url) ?? base },
    components: components.filter((c) => !c.group).map(({ id, name, status }) => ({ id, name, status })),
  };
}

function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The summary.json URL of a page given as its root or as any of its v2 documents; undefined
 * for anything that is not an http(s) URL, or that carries credentials.
 */
export function summaryUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  const root = url.pathname.replace(/\/api\/v2(\/.*)?$/, '').replace(/\/+$/, '');
  return `${url.origin}${root}/api/v2/summary.json`;
}

/** The page's root: what a summary URL is the summary of. */
export function pageRoot(summary: string): string {
  return summary.replace(/\/api\/v2\/summary\.json$/, '') || summary;
}
