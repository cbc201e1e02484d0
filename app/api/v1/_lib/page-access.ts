import { errorJson } from '@/app/api/v1/_lib/respond';

/** The group and user options for withManageKey: errors name Statuspage's fields. */
export const GROUP_OPTIONS = {
  wrapper: 'page_access_group',
  fields: {
    externalIdentifier: 'external_identifier',
    componentIds: 'component_ids',
    metricIds: 'metric_ids',
    memberIds: 'page_access_user_ids',
    supportLevel: 'support_level',
    emailDomains: 'email_domains',
  },
};
export const USER_OPTIONS = { wrapper: 'page_access_user', fields: { externalLogin: 'external_login', audienceIds: 'page_access_group_ids' } };

/** A body that is not wrapped (atlassian-python-api PATCHes users that way) reads as if it were. */
export function wrapIfBare(body: unknown, wrapper: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return wrapper in body ? body : { [wrapper]: body };
}

/** A 400 for an id list that is not one. */
export function badList(message: string): Response {
  return errorJson(400, `Bad request: ${message}`);
}
