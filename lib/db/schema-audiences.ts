import type { Selectable } from 'kysely';

/** Timestamps cross lib/db as ISO 8601 strings in UTC on both dialects. */
type Timestamp = string;

import type { SupportLevel } from '@/lib/domain/support-levels';

/** Migration 019: a customer organisation (Statuspage's page access group). */
export interface AudiencesTable {
  id: string;
  name: string;
  support_level: SupportLevel;
  external_identifier: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Any address at one of these (lower-case) domains may ask for a sign-in link. */
export interface AudienceEmailDomainsTable {
  audience_id: string;
  domain: string;
}

/** Someone who signs in to the status page (Statuspage's page access user); email is lower-case. */
export interface MembersTable {
  id: string;
  email: string;
  external_login: string | null;
  /** Migration 022: SHA-256 of the member's API and feed secret; null until they make one. */
  channel_token_hash: string | null;
  channel_token_created_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AudienceMembersTable {
  audience_id: string;
  member_id: string;
  position: number;
}

/** A member's signed-in browser; `id` is the SHA-256 of the cookie's token. */
export interface MemberSessionsTable {
  id: string;
  member_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: string | null;
}

/** A magic link; `id` is the SHA-256 of the token in the link, `used_at` makes it single use. */
export interface MemberSignInLinksTable {
  id: string;
  email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AudienceComponentsTable {
  audience_id: string;
  component_id: string;
  position: number;
}

export interface AudienceGroupsTable {
  audience_id: string;
  group_id: string;
  position: number;
}

export interface AudienceIncidentsTable {
  audience_id: string;
  incident_id: string;
  position: number;
}

export interface AudienceMetricsTable {
  audience_id: string;
  metric_id: string;
  position: number;
}

/** The tables of migration 019, merged into `Database`. */
export interface AudienceTables {
  audiences: AudiencesTable;
  audience_email_domains: AudienceEmailDomainsTable;
  members: MembersTable;
  audience_members: AudienceMembersTable;
  member_sessions: MemberSessionsTable;
  member_sign_in_links: MemberSignInLinksTable;
  audience_components: AudienceComponentsTable;
  audience_groups: AudienceGroupsTable;
  audience_incidents: AudienceIncidentsTable;
  audience_metrics: AudienceMetricsTable;
}

export type AudienceRow = Selectable<AudiencesTable>;
export type MemberRow = Selectable<MembersTable>;
