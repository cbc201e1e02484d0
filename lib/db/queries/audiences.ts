import type { AudienceRow, MemberRow } from '@/lib/db/schema-audiences';
import type { DbOrTx } from '@/lib/db/transaction';

/** An audience with what it holds, every list in the order it was given. */
export interface AudienceRecord extends AudienceRow {
  componentIds: string[];
  groupIds: string[];
  metricIds: string[];
  memberIds: string[];
  emailDomains: string[];
}

/** A member with the audiences they belong to, in the order they were given. */
/** A member as the console, the manage API and the audit log see them: never their channel secret. */
export interface MemberRecord extends Omit<MemberRow, 'channel_token_hash' | 'channel_token_created_at'> {
  audienceIds: string[];
}

export type AudienceLink = 'audience_components' | 'audience_groups' | 'audience_metrics' | 'audience_members' | 'audience_incidents';
const COLUMN = {
  audience_components: 'component_id',
  audience_groups: 'group_id',
  audience_metrics: 'metric_id',
  audience_members: 'member_id',
  audience_incidents: 'incident_id',
} as const;

/** Audiences by name (then id), optionally only the given ids, with their lists. */
export async function listAudienceRecords(db: DbOrTx, opts: { ids?: readonly string[]; offset?: number; limit?: number } = {}): Promise<AudienceRecord[]> {
  if (opts.ids && opts.ids.length === 0) return [];
  let query = db.selectFrom('audiences').selectAll().orderBy('created_at').orderBy('id');
  if (opts.ids) query = query.where('id', 'in', opts.ids);
  if (opts.limit !== undefined) query = query.limit(opts.limit).offset(opts.offset ?? 0);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [components, groups, metrics, members, domains] = await Promise.all([
    linked(db, 'audience_components', ids),
    linked(db, 'audience_groups', ids),
    linked(db, 'audience_metrics', ids),
    linked(db, 'audience_members', ids),
    db.selectFrom('audience_email_domains').selectAll().where('audience_id', 'in', ids).orderBy('domain').execute(),
  ]);
  return rows.map((row) => ({
    ...row,
    componentIds: components.get(row.id) ?? [],
    groupIds: groups.get(row.id) ?? [],
    metricIds: metrics.get(row.id) ?? [],
    memberIds: members.get(row.id) ?? [],
    emailDomains: domains.filter((d) => d.audience_id === row.id).map((d) => d.domain),
  }));
}

export async function getAudienceRecord(db: DbOrTx, id: string): Promise<AudienceRecord | undefined> {
  return (await listAudienceRecords(db, { ids: [id] }))[0];
}

/** The ids linked to each audience through one of the link tables, in position order. */
export async function linked(db: DbOrTx, table: AudienceLink, audienceIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (audienceIds.length === 0) return map;
  const column = COLUMN[table];
  const rows = await db
    .selectFrom(table as 'audience_components')
    .select(['audience_id', `${column as 'component_id'} as target`])
    .where('audience_id', 'in', audienceIds)
    .orderBy('position')
    .execute();
  for (const row of rows) map.set(row.audience_id, [...(map.get(row.audience_id) ?? []), row.target]);
  return map;
}

/** Replaces what one audience links to through `table` with `ids`, keeping their order. */
export async function replaceLinks(db: DbOrTx, table: AudienceLink, audienceId: string, ids: readonly string[]): Promise<void> {
  const column = COLUMN[table];
  await db.deleteFrom(table).where('audience_id', '=', audienceId).execute();
  if (ids.length === 0) return;
  await db
    .insertInto(table as 'audience_components')
    .values(ids.map((id, position) => ({ audience_id: audienceId, [column]: id, position }) as { audience_id: string; component_id: string; position: number }))
    .execute();
}

/** The audiences a component, group, incident or member is linked to. */
export async function audiencesOf(db: DbOrTx, table: AudienceLink, targetId: string): Promise<string[]> {
  const column = COLUMN[table];
  const rows = await db
    .selectFrom(table as 'audience_components')
    .select('audience_id')
    .where(column as 'component_id', '=', targetId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.audience_id);
}

/** Members by creation, optionally only the given ids or one email, with their audiences. */
export async function listMemberRecords(
  db: DbOrTx,
  opts: { ids?: readonly string[]; email?: string; offset?: number; limit?: number } = {},
): Promise<MemberRecord[]> {
  if (opts.ids && opts.ids.length === 0) return [];
  let query = db.selectFrom('members').select(['id', 'email', 'external_login', 'created_at', 'updated_at']).orderBy('created_at').orderBy('id');
  if (opts.ids) query = query.where('id', 'in', opts.ids);
  if (opts.email !== undefined) query = query.where('email', '=', opts.email.toLowerCase());
  if (opts.limit !== undefined) query = query.limit(opts.limit).offset(opts.offset ?? 0);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const memberships = await db
    .selectFrom('audience_members')
    .innerJoin('audiences', 'audiences.id', 'audience_members.audience_id')
    .select(['audience_members.member_id', 'audience_members.audience_id'])
    .where('audience_members.member_id', 'in', rows.map((r) => r.id))
    .orderBy('audiences.created_at')
    .orderBy('audiences.id')
    .execute();
  return rows.map((row) => ({
    ...row,
    audienceIds: memberships.filter((m) => m.member_id === row.id).map((m) => m.audience_id),
  }));
}

export async function getMemberRecord(db: DbOrTx, id: string): Promise<MemberRecord | undefined> {
  return (await listMemberRecords(db, { ids: [id] }))[0];
}

/** The audiences whose allowed email domains include `domain`. */
export async function audiencesForDomain(db: DbOrTx, domain: string): Promise<string[]> {
  const rows = await db.selectFrom('audience_email_domains').select('audience_id').where('domain', '=', domain.toLowerCase()).execute();
  return rows.map((r) => r.audience_id);
}

/** Sets one member's audiences to exactly `audienceIds` (each membership keeps a position at the end). */
export async function setMemberships(db: DbOrTx, memberId: string, audienceIds: readonly string[]): Promise<void> {
  await db.deleteFrom('audience_members').where('member_id', '=', memberId).execute();
  for (const audienceId of audienceIds) {
    const last = await db
      .selectFrom('audience_members')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('audience_id', '=', audienceId)
      .executeTakeFirst();
    await db.insertInto('audience_members').values({ audience_id: audienceId, member_id: memberId, position: Number(last?.max ?? -1) + 1 }).execute();
  }
}

/** Which of `ids` exist in `table` (to refuse unknown ids by name). */
export async function existingIds(db: DbOrTx, table: 'components' | 'component_groups' | 'system_metrics' | 'members' | 'audiences' | 'incidents', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table as 'components').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}
