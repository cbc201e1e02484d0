/** Statuspage's PageAccessGroup and PageAccessUser shapes (reference: manage API v1, part 2 §1.3, §2.3). */

export interface AudienceShapeInput {
  id: string;
  name: string;
  support_level: string;
  external_identifier: string | null;
  componentIds: readonly string[];
  metricIds: readonly string[];
  memberIds: readonly string[];
  emailDomains: readonly string[];
  created_at: string;
  updated_at: string;
}

export interface MemberShapeInput {
  id: string;
  email: string;
  external_login: string | null;
  audienceIds: readonly string[];
  created_at: string;
  updated_at: string;
}

/** A page access group; `support_level` and `email_domains` are Beacon's extension fields. */
export function toPageAccessGroup(audience: AudienceShapeInput, pageId: string) {
  return {
    id: audience.id,
    page_id: pageId,
    name: audience.name,
    external_identifier: audience.external_identifier,
    component_ids: [...audience.componentIds],
    metric_ids: [...audience.metricIds],
    page_access_user_ids: [...audience.memberIds],
    support_level: audience.support_level,
    email_domains: [...audience.emailDomains],
    created_at: audience.created_at,
    updated_at: audience.updated_at,
  };
}

/** A page access user; `email` is never null (the sbecker59 provider dereferences it). */
export function toPageAccessUser(member: MemberShapeInput, pageId: string, componentIds: readonly string[] = []) {
  return {
    id: member.id,
    page_id: pageId,
    email: member.email,
    external_email: member.email,
    external_login: member.external_login,
    page_access_group_id: member.audienceIds[0] ?? null,
    page_access_group_ids: [...member.audienceIds],
    component_ids: [...componentIds],
    metric_ids: [] as string[],
    created_at: member.created_at,
    updated_at: member.updated_at,
  };
}
