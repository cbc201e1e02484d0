import { z } from 'zod';

// What the importer reads from a page's manage API v1 with a key: subscribers (§6, §8.6) and
// incident templates (§7, §8.7). Loose like the v2 documents: real pages add fields.

const Time = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time');

export const ImportedSubscriber = z.looseObject({
  id: z.string().min(1),
  mode: z.string().nullish(),
  email: z.string().nullish(),
  endpoint: z.string().nullish(),
  quarantined_at: z.string().nullish(),
  /** Component ids, or null for the whole page. */
  components: z.array(z.string()).nullish(),
  created_at: Time.nullish(),
});
export type ImportedSubscriber = z.infer<typeof ImportedSubscriber>;

export const ImportedTemplate = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  title: z.string(),
  body: z.string().nullish(),
  group_id: z.string().nullish(),
  update_status: z.string().nullish(),
  /** Full component objects (§8.7); some copies send bare ids. */
  components: z.array(z.union([z.string(), z.looseObject({ id: z.string() })])).nullish(),
});
export type ImportedTemplate = z.infer<typeof ImportedTemplate>;

/** Source subscribers in the states Beacon does not import, counted by the reader. */
export const InactiveCounts = z.object({ unconfirmed: z.number().int(), quarantined: z.number().int(), unsubscribed: z.number().int() });

export const ImportedManage = z.object({
  subscribers: z.array(ImportedSubscriber),
  incident_templates: z.array(ImportedTemplate),
  inactive: InactiveCounts,
});
export type ImportedManage = z.infer<typeof ImportedManage>;

/** Why a source subscriber or template was left out; the importer counts each. */
export type SkipReason =
  | 'unconfirmed'
  | 'quarantined'
  | 'unsubscribed'
  | 'unsupported mode'
  | 'endpoint refused'
  | 'invalid email'
  | 'components not imported'
  | 'unsupported status'
  | 'invalid template';

/** The Statuspage contact mode of a subscriber, as Beacon can take it (email or webhook), or why not. */
export function subscriberKind(s: ImportedSubscriber): 'email' | 'webhook' | 'quarantined' | 'unsupported mode' {
  if (s.quarantined_at) return 'quarantined';
  const mode = s.mode ?? (s.endpoint ? 'webhook' : s.email ? 'email' : null);
  if (mode === 'webhook' && s.endpoint) return 'webhook';
  if (mode === 'email' && s.email) return 'email';
  return 'unsupported mode';
}

/**
 * The local component ids a source list maps to: 'all' when the source follows the whole page
 * (null or an empty list), undefined when it named components of which none came across.
 */
export function mapComponents(ids: readonly string[] | null | undefined, local: (externalId: string) => string | undefined): string[] | 'all' | undefined {
  if (!ids || ids.length === 0) return 'all';
  const mapped = [...new Set(ids.map(local).filter((id): id is string => !!id))].sort();
  return mapped.length > 0 ? mapped : undefined;
}

/** The ids of a template's components, whether the source sent objects or bare ids. */
export function templateComponentRefs(t: ImportedTemplate): string[] {
  return (t.components ?? []).map((c) => (typeof c === 'string' ? c : c.id));
}
