import { toPageAccessGroup, toPageAccessUser } from '@/lib/domain/statuspage-manage/page-access-shapes';
import type { Paging } from '@/lib/domain/statuspage-manage/paging';
import { toManageComponent } from '@/lib/domain/statuspage-manage/shapes';
import { getAudienceRecord, getMemberRecord, listAudienceRecords, listMemberRecords, type MemberRecord } from '@/lib/db/queries/audiences';
import type { DbOrTx } from '@/lib/db/transaction';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError } from '@/lib/services/errors';

/** Read models of the page access endpoints (manage API v1): audiences and members in Statuspage's shapes. */

const offset = (paging: Paging) => (paging.page - 1) * paging.perPage;

/** One page of page access groups, oldest first. */
export async function getPageAccessGroups({ ctx, paging, pageId }: { ctx: ServiceContext; paging: Paging; pageId: string }) {
  authorize(ctx, 'audience.read');
  const rows = await listAudienceRecords(ctx.db, { offset: offset(paging), limit: paging.perPage });
  return rows.map((r) => toPageAccessGroup(r, pageId));
}

/** One page access group; throws NotFoundError (also after DELETE, as the Terraform tests expect). */
export async function getPageAccessGroup({ ctx, id, pageId }: { ctx: ServiceContext; id: string; pageId: string }) {
  authorize(ctx, 'audience.read');
  const row = await getAudienceRecord(ctx.db, id);
  if (!row) throw new NotFoundError('Page access group', id);
  return toPageAccessGroup(row, pageId);
}

/** The live components of one group, in the group's order. */
export async function getPageAccessGroupComponents({ ctx, id, paging, pageId }: { ctx: ServiceContext; id: string; paging: Paging; pageId: string }) {
  authorize(ctx, 'audience.read');
  const row = await getAudienceRecord(ctx.db, id);
  if (!row) throw new NotFoundError('Page access group', id);
  return (await componentsIn(ctx.db, row.componentIds)).slice(offset(paging), offset(paging) + paging.perPage).map((c) => toManageComponent(c, pageId));
}

/** One page of page access users, optionally those with one email (case-insensitive, exact). */
export async function getPageAccessUsers({ ctx, paging, email, pageId }: { ctx: ServiceContext; paging: Paging; email?: string; pageId: string }) {
  authorize(ctx, 'audience.read');
  const rows = await listMemberRecords(ctx.db, { email, offset: offset(paging), limit: paging.perPage });
  return Promise.all(rows.map(async (m) => toPageAccessUser(m, pageId, await memberComponentIds(ctx.db, m))));
}

/** One page access user; throws NotFoundError. */
export async function getPageAccessUser({ ctx, id, pageId }: { ctx: ServiceContext; id: string; pageId: string }) {
  authorize(ctx, 'audience.read');
  const row = await getMemberRecord(ctx.db, id);
  if (!row) throw new NotFoundError('Page access user', id);
  return toPageAccessUser(row, pageId, await memberComponentIds(ctx.db, row));
}

/** The components one user sees through their groups. */
export async function getPageAccessUserComponents({ ctx, id, paging, pageId }: { ctx: ServiceContext; id: string; paging: Paging; pageId: string }) {
  authorize(ctx, 'audience.read');
  const row = await getMemberRecord(ctx.db, id);
  if (!row) throw new NotFoundError('Page access user', id);
  const ids = await memberComponentIds(ctx.db, row);
  return (await componentsIn(ctx.db, ids)).slice(offset(paging), offset(paging) + paging.perPage).map((c) => toManageComponent(c, pageId));
}

async function memberComponentIds(db: DbOrTx, member: MemberRecord): Promise<string[]> {
  const audiences = await listAudienceRecords(db, { ids: member.audienceIds });
  return [...new Set(audiences.flatMap((a) => a.componentIds))];
}

async function componentsIn(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('components').selectAll().where('id', 'in', [...ids]).where('archived_at', 'is', null).execute();
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
}
