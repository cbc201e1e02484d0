import type { Selectable } from 'kysely';
import type { NoticeStatus } from '@/lib/domain/notices';
import type { SupportLevel } from '@/lib/domain/support-levels';

/** Timestamps cross lib/db as ISO 8601 strings in UTC on both dialects. */
type Timestamp = string;

/** Migration 020: an early notice to chosen audiences (issue #16 part 4). */
export interface NoticesTable {
  id: string;
  title: string;
  body: string;
  status: NoticeStatus;
  /** Sent to every audience at this level and up; null when the audiences were chosen by name. */
  min_level: SupportLevel | null;
  /** The incident it became (promoted) or was sent with (the composer's checkbox). */
  incident_id: string | null;
  sent_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface NoticeAudiencesTable {
  notice_id: string;
  audience_id: string;
  position: number;
}

/** One message of one notice to one member's address. */
export interface NoticeDeliveriesTable {
  id: string;
  notice_id: string;
  member_id: string | null;
  email: string;
  channel: 'email';
  /** `queued` (due at `available_at`, or at once), `sending` (claimed until `lease_until`), `delivered`, or `failed` for good. */
  state: 'queued' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
  /** Migration 025: when a queued message is due; null = at once. */
  available_at: Timestamp | null;
  lease_until: Timestamp | null;
}

/** The tables of migration 020, merged into `Database`. */
export interface NoticeTables {
  notices: NoticesTable;
  notice_audiences: NoticeAudiencesTable;
  notice_deliveries: NoticeDeliveriesTable;
}

export type NoticeRow = Selectable<NoticesTable>;
