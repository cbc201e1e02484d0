import { z } from 'zod';
import { SUPPORT_LEVELS } from '@/lib/domain/support-levels';

/** Request bodies of the page access endpoints (reference: manage API v1, part 2 §1.2, §2.2). */

/** `null` reads as "not sent". */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => (v === null ? undefined : v));
}

/** A list of ids in a body (`component_ids`, `page_access_group_ids`, …). */
export const IdList = z.array(z.string().trim().min(1), { message: 'must be an array of ids' }).max(1000);

/** A page access group; `support_level` and `email_domains` are Beacon's extensions. */
export const PageAccessGroupBody = z.object({
  name: optional(z.string()),
  external_identifier: z.string().nullish(),
  component_ids: optional(IdList),
  metric_ids: optional(IdList),
  page_access_user_ids: optional(IdList),
  support_level: optional(z.enum(SUPPORT_LEVELS, { message: 'must be standard, business or enterprise' })),
  email_domains: optional(z.array(z.string(), { message: 'must be an array of domains' }).max(50)),
});
export type PageAccessGroupBody = z.output<typeof PageAccessGroupBody>;

/** The service input for a group body, with Statuspage's field names mapped to Beacon's. */
export function toAudienceInput(body: PageAccessGroupBody) {
  return {
    name: body.name,
    externalIdentifier: body.external_identifier,
    componentIds: body.component_ids,
    metricIds: body.metric_ids,
    memberIds: body.page_access_user_ids,
    supportLevel: body.support_level,
    emailDomains: body.email_domains,
  };
}

/** Service field → the name a client sent, for error messages. */
export const AUDIENCE_FIELDS = {
  externalIdentifier: 'external_identifier',
  componentIds: 'component_ids',
  metricIds: 'metric_ids',
  memberIds: 'page_access_user_ids',
  supportLevel: 'support_level',
  emailDomains: 'email_domains',
};

/** A page access user; winebarrel sends `external_email` for `email`. */
export const PageAccessUserBody = z.object({
  email: optional(z.string()),
  external_email: optional(z.string()),
  external_login: z.string().nullish(),
  page_access_group_ids: optional(IdList),
  subscribe_to_components: z.unknown().optional(),
  component_ids: optional(IdList),
  metric_ids: optional(IdList),
});
export type PageAccessUserBody = z.output<typeof PageAccessUserBody>;

export function toMemberInput(body: PageAccessUserBody) {
  return { email: body.email ?? body.external_email, externalLogin: body.external_login, audienceIds: body.page_access_group_ids };
}

export const MEMBER_FIELDS = { externalLogin: 'external_login', audienceIds: 'page_access_group_ids' };

/** `{ "component_ids": [...] }` of the component sub-resources; absent on a DELETE means all. */
export const ComponentIdsBody = z.object({ component_ids: optional(IdList) });

/**
 * The id list of a body that is not wrapped: `{ "<name>": [...] }` or `<name>[]=…` (form),
 * or undefined when the body does not carry it.
 */
export function readIdList(body: unknown, name: string): { ok: true; ids: string[] | undefined } | { ok: false; message: string } {
  if (body === undefined || body === null) return { ok: true, ids: undefined };
  if (typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'the body must be a JSON object or a form' };
  const value = (body as Record<string, unknown>)[name];
  if (value === undefined || value === null) return { ok: true, ids: undefined };
  const list = typeof value === 'string' ? [value] : value;
  const parsed = IdList.safeParse(list);
  return parsed.success ? { ok: true, ids: parsed.data } : { ok: false, message: `${name} must be an array of ids` };
}
