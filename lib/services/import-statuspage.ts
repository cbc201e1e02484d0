import { z } from 'zod';
import { newId } from '@/lib/db/ids';
import type { ImportMappingsTable } from '@/lib/db/schema';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { ImportedManage } from '@/lib/domain/statuspage-import/manage';
import { ImportedPage, startOf, utc, type ImportedIncident } from '@/lib/domain/statuspage-import/documents';
import { rebuildIntervals } from '@/lib/domain/statuspage-import/intervals';
import type { ComponentStatus } from '@/lib/domain/status';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { importManage, type ManageImportResult } from '@/lib/services/import-statuspage-manage';

export const ImportStatuspageInput = z.object({
  /** Where the page was read from (its origin): the mapping is kept per source. */
  source: z.string().min(1).max(2000),
  documents: ImportedPage,
  /** Read with a manage API key: subscribers and incident templates. */
  manage: ImportedManage.optional(),
});
export type ImportStatuspageInput = z.input<typeof ImportStatuspageInput>;

type Kind = Exclude<ImportMappingsTable['kind'], 'subscriber' | 'template'>;
type Table = 'component_groups' | 'components' | 'incidents' | 'incident_updates';
export interface ImportResult {
  created: Record<Kind, number>;
  updated: Record<Kind, number>;
  /** With a manage API key: subscribers and templates created, updated, linked and skipped. */
  manage?: ManageImportResult;
}

const KINDS: readonly Kind[] = ['group', 'component', 'incident', 'update'];

/**
 * Brings a Statuspage-compatible page (its v2 documents) into Beacon in one transaction: groups,
 * components with a status history rebuilt from the incident updates, incidents and maintenance
 * with every update and component change, times kept. Each external object is mapped to the row it
 * became, so running it again updates what changed and creates only what is new; nothing is
 * deleted and no subscriber is alerted. A Beacon that already has its own components or incidents
 * is refused: the import is for an empty Beacon.
 */
export async function importStatuspage({ ctx, input }: { ctx: ServiceContext; input: ImportStatuspageInput }): Promise<ImportResult> {
  authorize(ctx, 'component.create');
  const data = parseInput(ImportStatuspageInput, input);
  const at = ctx.now().toISOString();
  const result: ImportResult = { created: zero(), updated: zero() };

  return withTransaction(ctx.db, async (trx) => {
    const mapped = new Map(
      (await trx.selectFrom('import_mappings').select(['kind', 'external_id', 'local_id']).where('source', '=', data.source).execute()).map((m) => [
        `${m.kind}:${m.external_id}`,
        m.local_id,
      ]),
    );
    if (mapped.size === 0) await assertEmpty(trx);
    const local = (kind: ImportMappingsTable['kind'], externalId: string | null | undefined) => (externalId ? mapped.get(`${kind}:${externalId}`) : undefined);

    /** Inserts or updates one row; `insertOnly` fields are written when the row is created only. */
    const upsert = async (table: Table, kind: Kind, externalId: string, values: Record<string, unknown>, insertOnly: Record<string, unknown> = {}) => {
      const id = local(kind, externalId);
      const existing = id ? await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst() : undefined;
      if (id && existing) {
        const row = existing as Record<string, unknown>;
        const changed = Object.keys(values).filter((k) => !same(row[k], values[k]));
        if (changed.length === 0) return { id, created: false, changed: false };
        await trx.updateTable(table).set(Object.fromEntries(changed.map((k) => [k, values[k]])) as never).where('id', '=', id).execute();
        result.updated[kind] += 1;
        return { id, created: false, changed: true, before: row };
      }
      const newRowId = id ?? newId();
      await trx.insertInto(table).values({ id: newRowId, ...insertOnly, ...values } as never).execute();
      if (!id) {
        await trx.insertInto('import_mappings').values({ source: data.source, kind, external_id: externalId, local_id: newRowId, imported_at: at }).execute();
        mapped.set(`${kind}:${externalId}`, newRowId);
      }
      result.created[kind] += 1;
      return { id: newRowId, created: true, changed: true };
    };

    const { page, components, incidents, scheduled_maintenances: maintenance } = data.documents;
    const settings = await trx.selectFrom('page_settings').select(['id', 'name', 'time_zone']).executeTakeFirst();
    if (settings && (settings.name !== page.name || (page.time_zone && settings.time_zone !== page.time_zone))) {
      await trx.updateTable('page_settings').set({ name: page.name, time_zone: page.time_zone ?? settings.time_zone, updated_at: at }).where('id', '=', settings.id).execute();
    }

    for (const g of components.filter((c) => c.group)) {
      await upsert('component_groups', 'group', g.id, {
        name: g.name,
        description: g.description ?? null,
        position: g.position,
        created_at: utc(g.created_at),
        updated_at: utc(g.updated_at),
      });
    }

    const everything = [...incidents, ...maintenance];
    const changesOf = (componentId: string) =>
      everything.flatMap((i) =>
        i.incident_updates.flatMap((u) =>
          (u.affected_components ?? []).filter((c) => c.code === componentId).map((c) => ({ at: u.display_at ?? u.created_at, status: c.new_status })),
        ),
      );
    for (const c of components.filter((x) => !x.group)) {
      const start = startOf(c);
      const row = await upsert(
        'components',
        'component',
        c.id,
        {
          group_id: local('group', c.group_id) ?? null,
          name: c.name,
          description: c.description ?? null,
          position: c.position,
          status: c.status,
          showcase: c.showcase ?? true,
          only_show_if_degraded: c.only_show_if_degraded ?? false,
          start_date: start,
          created_at: utc(c.created_at),
          updated_at: utc(c.updated_at),
        },
        { archived_at: null },
      );
      if (row.created) {
        const intervals = rebuildIntervals({ start, current: c.status, currentSince: c.updated_at, changes: changesOf(c.id) });
        await trx.insertInto('component_status_intervals').values(intervals.map((i) => ({ component_id: row.id, ...i }))).execute();
      } else if (row.before && row.before.status !== c.status) {
        // The status moved on since the last run: the history follows at the page's own time.
        const since = utc(c.updated_at);
        await trx.updateTable('component_status_intervals').set({ ended_at: since }).where('component_id', '=', row.id).where('ended_at', 'is', null).execute();
        await trx.insertInto('component_status_intervals').values({ component_id: row.id, status: c.status, started_at: since, ended_at: null }).execute();
      }
    }

    for (const [kind, list] of [['incident', incidents], ['maintenance', maintenance]] as const) {
      for (const incident of list) await importIncident(trx, kind, incident, upsert, local, result);
    }

    if (data.manage) {
      const remember = async (kind: ImportMappingsTable['kind'], externalId: string, localId: string) => {
        await trx.insertInto('import_mappings').values({ source: data.source, kind, external_id: externalId, local_id: localId, imported_at: at }).execute();
        mapped.set(`${kind}:${externalId}`, localId);
      };
      result.manage = await importManage({ trx, source: data.source, at, local, remember }, data.manage);
    }

    const changed = KINDS.some((k) => result.created[k] + result.updated[k] > 0);
    const m = result.manage;
    const manageChanged = !!m && m.created.subscriber + m.created.template + m.updated.subscriber + m.updated.template + m.linked > 0;
    if (changed || manageChanged) {
      if (changed) await emit(trx, { type: 'page.changed', what: 'incident' }, ctx.now());
      await recordAudit(trx, ctx, { action: 'statuspage.import', entityType: 'page', entityId: settings?.id ?? null, after: { source: data.source, ...result } });
    }
    return result;
  });
}

type Upsert = (
  table: Table,
  kind: Kind,
  externalId: string,
  values: Record<string, unknown>,
  insertOnly?: Record<string, unknown>,
) => Promise<{ id: string; created: boolean; changed: boolean }>;

async function importIncident(
  trx: DbOrTx,
  kind: 'incident' | 'maintenance',
  incident: ImportedIncident,
  upsert: Upsert,
  local: (kind: Kind, externalId: string | null | undefined) => string | undefined,
  result: ImportResult,
): Promise<void> {
  const row = await upsert(
    'incidents',
    'incident',
    incident.id,
    {
      kind,
      name: incident.name,
      status: incident.status,
      impact: incident.impact === 'maintenance' ? 'none' : incident.impact,
      started_at: utc(incident.started_at ?? incident.created_at),
      monitoring_at: incident.monitoring_at ? utc(incident.monitoring_at) : null,
      resolved_at: incident.resolved_at ? utc(incident.resolved_at) : null,
      scheduled_for: incident.scheduled_for ? utc(incident.scheduled_for) : null,
      scheduled_until: incident.scheduled_until ? utc(incident.scheduled_until) : null,
      created_at: utc(incident.created_at),
      updated_at: utc(incident.updated_at),
      // A published postmortem comes with a manage API key; the public API has none to give.
      ...(incident.postmortem_body && incident.postmortem_published_at
        ? { postmortem_body: incident.postmortem_body, postmortem_published_at: utc(incident.postmortem_published_at) }
        : {}),
    },
    {
      impact_override: null,
      // Imported windows move only when an operator moves them.
      auto_start: false,
      auto_complete: false,
      postmortem_body: null,
      postmortem_published_at: null,
      postmortem_notify: false,
      incident_class: null,
      scope: null,
    },
  );
  const affected = [...new Set((incident.components ?? []).map((c) => local('component', c.id)).filter((id): id is string => !!id))].sort();
  const current = (await trx.selectFrom('incident_components').select('component_id').where('incident_id', '=', row.id).execute()).map((r) => r.component_id).sort();
  if (affected.join() !== current.join()) {
    await trx.deleteFrom('incident_components').where('incident_id', '=', row.id).execute();
    if (affected.length > 0) await trx.insertInto('incident_components').values(affected.map((component_id) => ({ incident_id: row.id, component_id }))).execute();
    if (!row.changed) result.updated.incident += 1;
  }

  for (const u of incident.incident_updates) {
    const update = await upsert('incident_updates', 'update', u.id, {
      incident_id: row.id,
      status: u.status,
      body: u.body ?? '',
      display_at: utc(u.display_at ?? u.created_at),
      deliver_notifications: u.deliver_notifications ?? true,
      created_at: utc(u.created_at),
      updated_at: utc(u.updated_at ?? u.created_at),
    });
    const changes = (u.affected_components ?? [])
      .map((c) => ({ component_id: local('component', c.code), old_status: c.old_status, new_status: c.new_status }))
      .filter((c): c is { component_id: string; old_status: ComponentStatus; new_status: ComponentStatus } => !!c.component_id)
      .sort((a, b) => a.component_id.localeCompare(b.component_id));
    const stored = await trx
      .selectFrom('incident_update_components')
      .select(['component_id', 'old_status', 'new_status'])
      .where('update_id', '=', update.id)
      .orderBy('component_id')
      .execute();
    if (JSON.stringify(stored) !== JSON.stringify(changes)) {
      await trx.deleteFrom('incident_update_components').where('update_id', '=', update.id).execute();
      if (changes.length > 0) await trx.insertInto('incident_update_components').values(changes.map((c) => ({ update_id: update.id, ...c }))).execute();
      if (!update.changed) result.updated.update += 1;
    }
  }
}

/** An import starts from an empty Beacon: its own components or incidents would be mixed in. */
async function assertEmpty(db: DbOrTx): Promise<void> {
  const [component, incident] = await Promise.all([
    db.selectFrom('components').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('incidents').select('id').limit(1).executeTakeFirst(),
  ]);
  if (component || incident) {
    throw new ConflictError('This Beacon already has components or incidents of its own; import into an empty Beacon (a fresh database).');
  }
}

function zero(): Record<Kind, number> {
  return { group: 0, component: 0, incident: 0, update: 0 };
}

// Values as the two drivers return them: timestamps as ISO strings (any offset), booleans as 0/1 or true/false.
function same(stored: unknown, wanted: unknown): boolean {
  if (stored === undefined || stored === null) return wanted === null || wanted === undefined;
  if (stored instanceof Date) return typeof wanted === 'string' && stored.getTime() === Date.parse(wanted);
  if (typeof wanted === 'boolean') return Boolean(stored) === wanted;
  if (typeof wanted === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(wanted)) return Date.parse(String(stored)) === Date.parse(wanted);
  if (typeof wanted === 'number') return Number(stored) === wanted;
  return stored === wanted;
}
