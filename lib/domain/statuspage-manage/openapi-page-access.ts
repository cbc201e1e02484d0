import { z } from 'zod';
import { SUPPORT_LEVELS } from '@/lib/domain/support-levels';
import { ComponentIdsBody, IdList, PageAccessGroupBody, PageAccessUserBody } from '@/lib/domain/statuspage-manage/page-access-requests';
import {
  bodySchema, errors, ids, json, list, nullableStr, obj, paging, ref, str, time, unwrapped, wrapped,
} from '@/lib/domain/statuspage-manage/openapi-fragments';

/**
 * Page access groups and users (audiences and their members) in the management API document
 * (reference part 2, §1–§2), as page-access-shapes.ts shapes them. Reads need a responder or
 * admin key, writes an admin's.
 */

const PageAccessGroup = obj({
  id: str, page_id: str, name: str, external_identifier: nullableStr, component_ids: ids, metric_ids: ids, page_access_user_ids: ids,
  support_level: { type: 'string', enum: [...SUPPORT_LEVELS], description: 'Beacon extension' },
  email_domains: { ...ids, description: 'Beacon extension: members whose email is at one of these domains join' },
  created_at: time, updated_at: time,
});
const PageAccessUser = obj({
  id: str, page_id: str, email: str, external_email: { ...str, description: 'the same as email (winebarrel reads it)' }, external_login: nullableStr,
  page_access_group_id: { ...nullableStr, description: 'the first of page_access_group_ids' }, page_access_group_ids: ids,
  component_ids: { ...ids, description: 'what the user sees through their groups' }, metric_ids: { type: 'array', maxItems: 0 },
  created_at: time, updated_at: time,
});

export const PAGE_ACCESS_SCHEMAS = { PageAccessGroup, PageAccessUser };

const tag = (t: string) => ({ tags: [t] });
const G = tag('Page access groups');
const U = tag('Page access users');
const group = (status: number, description: string) => ({ [status]: json(ref('PageAccessGroup'), description) });
const groupBody = wrapped('page_access_group', PageAccessGroupBody);
const userBody = wrapped('page_access_user', PageAccessUserBody, {}, { bare: true });
const componentIds = { ...bodySchema(ComponentIdsBody), required: ['component_ids'] };
const listOf = (name: string, summary: string, extra: unknown[] = []) => ({
  summary, parameters: [...paging, ...extra], responses: { 200: json(list(name), 'OK'), ...errors(400, 401, 404) },
});

/** The page access paths under `base` (`/pages/{page_id}`). */
export function pageAccessPaths(base: string) {
  const groups = `${base}/page_access_groups`;
  const users = `${base}/page_access_users`;
  return {
    [groups]: {
      get: { ...G, ...listOf('PageAccessGroup', 'List page access groups') },
      post: { ...G, summary: 'Create a group (admin), with its components, metrics and users when listed', requestBody: groupBody, responses: { ...group(201, 'Created'), ...errors(400, 401, 403, 404, 422) } },
    },
    [`${groups}/{page_access_group_id}`]: {
      get: { ...G, summary: 'Get one (404 once deleted)', responses: { ...group(200, 'OK'), ...errors(401, 404) } },
      patch: { ...G, summary: 'Update the fields sent; a list sent replaces the stored one (admin)', requestBody: groupBody, responses: { ...group(200, 'OK'), ...errors(400, 401, 403, 404, 422) } },
      put: { ...G, summary: 'Same as PATCH', requestBody: groupBody, responses: { ...group(200, 'OK'), ...errors(400, 401, 403, 404, 422) } },
      delete: { ...G, summary: 'Delete the group; its users stay (admin)', responses: { ...group(200, 'The group as it was'), ...errors(401, 403, 404) } },
    },
    [`${groups}/{page_access_group_id}/components`]: {
      get: { ...G, ...listOf('Component', 'The group\'s components, in its order') },
      patch: { ...G, summary: 'Add components (admin)', requestBody: unwrapped(componentIds), responses: { ...group(200, 'OK'), ...errors(400, 401, 403, 404, 422) } },
      put: { ...G, summary: 'Same as PATCH: add components', requestBody: unwrapped(componentIds), responses: { ...group(200, 'OK'), ...errors(400, 401, 403, 404, 422) } },
      post: { ...G, summary: 'Replace the group\'s components (admin)', requestBody: unwrapped(componentIds), responses: { ...group(201, 'Replaced'), ...errors(400, 401, 403, 404, 422) } },
      delete: {
        ...G, summary: 'Remove the listed components, or every one when none is listed (admin)', requestBody: unwrapped(bodySchema(ComponentIdsBody), { required: false }),
        responses: { ...group(200, 'OK'), ...errors(400, 401, 403, 404, 422) },
      },
    },
    [`${groups}/{page_access_group_id}/components/{component_id}`]: {
      delete: { ...G, summary: 'Remove one component (admin)', responses: { ...group(200, 'OK'), ...errors(401, 403, 404) } },
    },
    [users]: {
      get: {
        ...U, ...listOf('PageAccessUser', 'List page access users', [{ name: 'email', in: 'query', schema: str, description: 'exact, case-insensitive' }]),
      },
      post: {
        ...U, summary: 'Add a user (admin); 200, not 201, as Statuspage documents', requestBody: wrapped('page_access_user', PageAccessUserBody),
        responses: { 200: json(ref('PageAccessUser'), 'Created'), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    [`${users}/{page_access_user_id}`]: {
      get: { ...U, summary: 'Get one (404 once deleted)', responses: { 200: json(ref('PageAccessUser'), 'OK'), ...errors(401, 404) } },
      patch: { ...U, summary: 'Update email, external login and groups, wrapped or bare (admin)', requestBody: userBody, responses: { 200: json(ref('PageAccessUser'), 'OK'), ...errors(400, 401, 403, 404, 409, 422) } },
      put: { ...U, summary: 'Same as PATCH', requestBody: userBody, responses: { 200: json(ref('PageAccessUser'), 'OK'), ...errors(400, 401, 403, 404, 409, 422) } },
      delete: { ...U, summary: 'Remove the user; their sessions end at once (admin)', responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) } },
    },
    [`${users}/{page_access_user_id}/components`]: {
      get: { ...U, ...listOf('Component', 'The components the user sees through their groups (Beacon grants components to groups only)') },
    },
    [`${base}/components/{component_id}/page_access_groups`]: {
      post: {
        ...G, summary: 'Give the component to the listed groups (admin)',
        requestBody: unwrapped(bodySchema(z.object({ page_access_group_ids: IdList })), { form: 'Rails-style keys: page_access_group_ids[]=…' }),
        responses: { 201: json(ref('Component'), 'The component'), ...errors(400, 401, 403, 404, 422) },
      },
      delete: { ...G, summary: 'Take the component from every group: it is public again (admin)', responses: { 200: json(ref('Component'), 'The component'), ...errors(401, 403, 404) } },
    },
  };
}
