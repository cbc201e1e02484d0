import type { NoticeStatus } from '@/lib/domain/notices';
import type { AudienceLevel } from '@/lib/domain/notices';
import type { NoticeRow } from '@/lib/db/schema-notices';
import type { DbOrTx } from '@/lib/db/transaction';

/** A notice with whom it was for and how its messages went. */
export interface NoticeRecord extends NoticeRow {
  audiences: { id: string; name: string }[];
  deliveries: { queued: number; delivered: number; failed: number };
}

/** Every audience with its level, for choosing a notice's recipients. */
export async function listAudienceLevels(db: DbOrTx): Promise<AudienceLevel[]> {
  const rows = await db.selectFrom('audiences').select(['id', 'name', 'support_level']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, supportLevel: r.support_level }));
}

/** The members of the given audiences, each row once per (audience, member). */
export async function membersOfAudiences(db: DbOrTx, audienceIds: readonly string[]): Promise<{ memberId: string; email: string }[]> {
  if (audienceIds.length === 0) return [];
  return db
    .selectFrom('audience_members')
    .innerJoin('members', 'members.id', 'audience_members.member_id')
    .select(['members.id as memberId', 'members.email'])
    .where('audience_members.audience_id', 'in', audienceIds)
    .orderBy('members.email')
    .execute();
}

/** Notices newest first, optionally by status or only those for some audiences; `offset` needs a `limit`. */
export async function listNoticeRecords(
  db: DbOrTx,
  opts: { ids?: readonly string[]; statuses?: readonly NoticeStatus[]; audienceIds?: readonly string[]; limit?: number; offset?: number } = {},
): Promise<NoticeRecord[]> {
  if ((opts.ids && opts.ids.length === 0) || (opts.audienceIds && opts.audienceIds.length === 0)) return [];
  let query = db.selectFrom('notices').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (opts.ids) query = query.where('id', 'in', opts.ids);
  if (opts.statuses) query = query.where('status', 'in', opts.statuses);
  if (opts.audienceIds) {
    const audienceIds = opts.audienceIds;
    query = query.where((eb) => eb.exists(eb.selectFrom('notice_audiences').select('notice_id').whereRef('notice_audiences.notice_id', '=', 'notices.id').where('notice_audiences.audience_id', 'in', audienceIds)));
  }
  if (opts.limit !== undefined) query = query.limit(opts.limit);
  if (opts.limit !== undefined && opts.offset) query = query.offset(opts.offset);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [audiences, deliveries] = await Promise.all([
    db
      .selectFrom('notice_audiences')
      .innerJoin('audiences', 'audiences.id', 'notice_audiences.audience_id')
      .select(['notice_audiences.notice_id', 'audiences.id', 'audiences.name'])
      .where('notice_audiences.notice_id', 'in', ids)
      .orderBy('notice_audiences.position')
      .execute(),
    db
      .selectFrom('notice_deliveries')
      .select(['notice_id', 'state', (eb) => eb.fn.countAll<number>().as('count')])
      .where('notice_id', 'in', ids)
      .groupBy(['notice_id', 'state'])
      .execute(),
  ]);
  return rows.map((row) => {
    const counts = { queued: 0, delivered: 0, failed: 0 };
    // A message being sent right now is still waiting, as far as the console can tell.
    for (const d of deliveries) if (d.notice_id === row.id) counts[d.state === 'sending' ? 'queued' : d.state] += Number(d.count);
    return { ...row, audiences: audiences.filter((a) => a.notice_id === row.id).map((a) => ({ id: a.id, name: a.name })), deliveries: counts };
  });
}

export async function getNoticeRecord(db: DbOrTx, id: string): Promise<NoticeRecord | undefined> {
  return (await listNoticeRecords(db, { ids: [id] }))[0];
}
