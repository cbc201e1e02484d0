import {
  toManageComponent,
  toManageGroup,
  toManageGroupEntry,
  toManageIncident,
  toManageTemplate,
  type Catalogue,
} from '@/lib/domain/statuspage-manage/shapes';
import { assembleIncidents } from '@/lib/domain/statuspage/assemble';
import { COMPONENT_STATUSES, worstOf } from '@/lib/domain/status';
import { getIncident, listAffected, listUpdateChanges, listUpdates } from '@/lib/db/queries/incidents';
import { containsIgnoringCase } from '@/lib/db/queries/text-search';
import type { ComponentGroupRow, ComponentRow, IncidentRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError } from '@/lib/services/errors';
import { getIncidentTemplate, listIncidentTemplates } from '@/lib/services/list-incident-templates';

/** Read models of the management API v1: Statuspage-shaped resources, paged where Statuspage pages. */

export interface Paging {
  page: number;
  perPage: number;
}

export type IncidentFilter = 'all' | 'unresolved' | 'upcoming' | 'active_maintenance' | 'scheduled';

/** The manage shapes' catalogue, keeping the rows so archived components can be told apart. */
interface RowCatalogue extends Catalogue {
  components: ReadonlyMap<string, ComponentRow>;
  groups: ReadonlyMap<string, ComponentGroupRow>;
}

async function catalogue(db: DbOrTx): Promise<RowCatalogue> {
  const [components, groups] = await Promise.all([
    db.selectFrom('components').selectAll().execute(),
    db.selectFrom('component_groups').selectAll().execute(),
  ]);
  return { components: new Map(components.map((c) => [c.id, c])), groups: new Map(groups.map((g) => [g.id, g])) };
}

async function toIncidents(db: DbOrTx, rows: readonly IncidentRow[], pageId: string, baseUrl: string) {
  const ids = rows.map((r) => r.id);
  const [updates, affected, cat] = await Promise.all([listUpdates(db, ids), listAffected(db, ids), catalogue(db)]);
  const changes = await listUpdateChanges(db, updates.map((u) => u.id));
  return assembleIncidents(rows, updates, changes, affected).map((incident) => toManageIncident(incident, cat, pageId, baseUrl));
}

/** One page of incidents and maintenance for the list endpoints, newest first (upcoming: soonest first). */
export async function getManageIncidents({
  ctx,
  filter,
  q,
  paging,
  pageId,
  baseUrl,
}: {
  ctx: ServiceContext;
  filter: IncidentFilter;
  q?: string;
  paging: Paging;
  pageId: string;
  baseUrl: string;
}) {
  let query = ctx.db.selectFrom('incidents').selectAll();
  if (filter === 'unresolved') query = query.where('kind', '=', 'incident').where('status', 'in', ['investigating', 'identified', 'monitoring']);
  if (filter === 'upcoming') query = query.where('kind', '=', 'maintenance').where('status', '=', 'scheduled');
  if (filter === 'active_maintenance') query = query.where('kind', '=', 'maintenance').where('status', 'in', ['in_progress', 'verifying']);
  if (filter === 'scheduled') query = query.where('kind', '=', 'maintenance');
  if (q) {
    query = query.where((eb) =>
      eb.or([
        containsIgnoringCase('name', q),
        eb.exists(
          eb
            .selectFrom('incident_updates')
            .select('incident_updates.id')
            .whereRef('incident_updates.incident_id', '=', 'incidents.id')
            .where('incident_updates.withdrawn_at', 'is', null)
            .where(containsIgnoringCase('incident_updates.body', q)),
        ),
      ]),
    );
  }
  query =
    filter === 'upcoming'
      ? query.orderBy('scheduled_for', 'asc').orderBy('id')
      : query.orderBy('created_at', 'desc').orderBy('id', 'desc');
  const rows = await query.limit(paging.perPage).offset((paging.page - 1) * paging.perPage).execute();
  return toIncidents(ctx.db, rows, pageId, baseUrl);
}

/** One incident or maintenance; throws NotFoundError. */
export async function getManageIncident({ ctx, id, pageId, baseUrl }: { ctx: ServiceContext; id: string; pageId: string; baseUrl: string }) {
  const row = await getIncident(ctx.db, id);
  if (!row) throw new NotFoundError('Incident', id);
  return (await toIncidents(ctx.db, [row], pageId, baseUrl))[0]!;
}

function live(cat: RowCatalogue) {
  return [...cat.components.values()].filter((c) => !c.archived_at);
}

function membersOf(cat: RowCatalogue, groupId: string) {
  return live(cat)
    .filter((c) => c.group_id === groupId)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}

/**
 * GET /components: live components with each group's container entry (`group: true`)
 * before its members, groups in their order and ungrouped components last.
 */
export async function getManageComponents({ ctx, paging, pageId }: { ctx: ServiceContext; paging: Paging; pageId: string }) {
  const cat = await catalogue(ctx.db);
  const groups = [...cat.groups.values()].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const entries: (ReturnType<typeof toManageComponent> | ReturnType<typeof toManageGroupEntry>)[] = [];
  for (const g of groups) {
    const members = membersOf(cat, g.id);
    const worst = worstOf(COMPONENT_STATUSES, members.map((m) => m.status), 'operational');
    entries.push(toManageGroupEntry(g, members.map((m) => m.id), worst, pageId));
    entries.push(...members.map((m) => toManageComponent(m, pageId)));
  }
  const ungrouped = live(cat)
    .filter((c) => !c.group_id || !cat.groups.has(c.group_id))
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  entries.push(...ungrouped.map((c) => toManageComponent(c, pageId)));
  const start = (paging.page - 1) * paging.perPage;
  return entries.slice(start, start + paging.perPage);
}

/** One live component; throws NotFoundError (archived components are gone from the API). */
export async function getManageComponent({ ctx, id, pageId }: { ctx: ServiceContext; id: string; pageId: string }) {
  const row = await ctx.db.selectFrom('components').selectAll().where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
  if (!row) throw new NotFoundError('Component', id);
  return toManageComponent(row, pageId);
}

/** One page of component groups in display order. */
export async function getManageGroups({ ctx, paging, pageId }: { ctx: ServiceContext; paging: Paging; pageId: string }) {
  const cat = await catalogue(ctx.db);
  const groups = [...cat.groups.values()].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const start = (paging.page - 1) * paging.perPage;
  return groups.slice(start, start + paging.perPage).map((g) => toManageGroup(g, membersOf(cat, g.id).map((m) => m.id), pageId));
}

/** One component group; throws NotFoundError. */
export async function getManageGroup({ ctx, id, pageId }: { ctx: ServiceContext; id: string; pageId: string }) {
  const cat = await catalogue(ctx.db);
  const group = cat.groups.get(id);
  if (!group) throw new NotFoundError('Component group', id);
  return toManageGroup(group, membersOf(cat, id).map((m) => m.id), pageId);
}

/** One page of incident templates. */
export async function getManageTemplates({ ctx, paging, pageId }: { ctx: ServiceContext; paging: Paging; pageId: string }) {
  const [templates, cat] = await Promise.all([listIncidentTemplates({ ctx }), catalogue(ctx.db)]);
  const start = (paging.page - 1) * paging.perPage;
  return templates.slice(start, start + paging.perPage).map((t) => toManageTemplate(t, cat, pageId));
}

/** One incident template; throws NotFoundError. */
export async function getManageTemplate({ ctx, id, pageId }: { ctx: ServiceContext; id: string; pageId: string }) {
  const template = await getIncidentTemplate(ctx.db, id);
  if (!template) throw new NotFoundError('Incident template', id);
  return toManageTemplate(template, await catalogue(ctx.db), pageId);
}
