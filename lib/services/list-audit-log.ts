import { z } from 'zod';
import { containsIgnoringCase } from '@/lib/db/queries/text-search';
import type { AuditRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import { nameInEntry } from '@/lib/domain/audit-links';
import { parseJson } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';
import { QueryText, QueryTime } from '@/lib/services/schemas';

export const AuditFilter = z.object({
  entityType: QueryText.pipe(z.string().max(40, 'must be at most 40 characters')).optional(),
  entityId: QueryText.pipe(z.string().max(64, 'must be at most 64 characters')).optional(),
  actor: QueryText.pipe(z.string().max(200, 'must be at most 200 characters')).optional(),
  action: QueryText.pipe(z.string().max(80, 'must be at most 80 characters')).optional(),
  /** Entries at or after this time. */
  from: QueryTime.optional(),
  /** Entries before this time (also the cursor for older pages). */
  before: QueryTime.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface AuditEntryView extends Omit<AuditRow, 'before' | 'after'> {
  before: unknown;
  after: unknown;
  /** The object's current name, else the name the entry recorded, else undefined. */
  entityName?: string;
}

/** The current names of the objects a page of entries mentions, by type and id, in one query per type. */
async function currentNames(db: DbOrTx, rows: Pick<AuditRow, 'entity_type' | 'entity_id'>[]): Promise<Map<string, string>> {
  const ids = (types: string[]) => [...new Set(rows.filter((r) => types.includes(r.entity_type) && r.entity_id).map((r) => r.entity_id!))];
  const names = new Map<string, string>();
  const put = (types: string[], list: { id: string; name: string | null }[]) => {
    for (const row of list) for (const t of types) if (row.name) names.set(`${t}:${row.id}`, row.name);
  };
  const incidents = ids(['incident', 'maintenance']);
  const components = ids(['component']);
  const groups = ids(['group', 'component_group']);
  const operators = ids(['operator']);
  const templates = ids(['incident_template']);
  const keys = ids(['api_key']);
  const subscribers = ids(['subscriber']);
  await Promise.all([
    incidents.length && db.selectFrom('incidents').select(['id', 'name']).where('id', 'in', incidents).execute().then((l) => put(['incident', 'maintenance'], l)),
    components.length && db.selectFrom('components').select(['id', 'name']).where('id', 'in', components).execute().then((l) => put(['component'], l)),
    groups.length && db.selectFrom('component_groups').select(['id', 'name']).where('id', 'in', groups).execute().then((l) => put(['group', 'component_group'], l)),
    operators.length &&
      db
        .selectFrom('operators')
        .select(['id', 'name', 'removed_at'])
        .where('id', 'in', operators)
        .execute()
        .then((l) => put(['operator'], l.map((o) => ({ id: o.id, name: o.removed_at ? `${o.name} (removed)` : o.name })))),
    templates.length && db.selectFrom('incident_templates').select(['id', 'name']).where('id', 'in', templates).execute().then((l) => put(['incident_template'], l)),
    keys.length && db.selectFrom('api_keys').select(['id', 'name']).where('id', 'in', keys).execute().then((l) => put(['api_key'], l)),
    subscribers.length &&
      db
        .selectFrom('subscribers')
        .select(['id', 'email', 'url'])
        .where('id', 'in', subscribers)
        .execute()
        .then((l) => put(['subscriber'], l.map((s) => ({ id: s.id, name: s.email ?? s.url })))),
  ]);
  return names;
}

/**
 * The audit log, newest first, filtered by object (type, and id), actor (name contains), action
 * and time; each entry with its object's name. Also the filter choices: object types and actors.
 */
export async function listAuditLog({ ctx, filter }: { ctx: ServiceContext; filter: z.input<typeof AuditFilter> }) {
  authorize(ctx, 'audit.read');
  const f = parseInput(AuditFilter, filter);
  let query = ctx.db.selectFrom('audit_log').selectAll();
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.actor) query = query.where(containsIgnoringCase('actor_name', f.actor));
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.before) query = query.where('at', '<', f.before);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  const [names, types, actors] = await Promise.all([
    currentNames(ctx.db, rows),
    ctx.db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute(),
    ctx.db.selectFrom('audit_log').select('actor_name').distinct().orderBy('actor_name').limit(200).execute(),
  ]);
  const entries: AuditEntryView[] = rows.map((r) => {
    const before = parseJson(r.before);
    const after = parseJson(r.after);
    const entityName = (r.entity_id && names.get(`${r.entity_type}:${r.entity_id}`)) || nameInEntry(before, after);
    return { ...r, before, after, entityName };
  });
  return { entries, entityTypes: types.map((t) => t.entity_type), actors: actors.map((a) => a.actor_name) };
}
