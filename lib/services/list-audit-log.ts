import { z } from 'zod';
import { containsIgnoringCase } from '@/lib/db/queries/text-search';
import type { AuditRow } from '@/lib/db/schema';
import { parseJson } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';
import { QueryText, QueryTime } from '@/lib/services/schemas';

export const AuditFilter = z.object({
  entityType: QueryText.pipe(z.string().max(40, 'must be at most 40 characters')).optional(),
  actor: QueryText.pipe(z.string().max(200, 'must be at most 200 characters')).optional(),
  action: QueryText.pipe(z.string().max(80, 'must be at most 80 characters')).optional(),
  before: QueryTime.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface AuditEntryView extends Omit<AuditRow, 'before' | 'after'> {
  before: unknown;
  after: unknown;
}

/** The audit log, newest first, filtered by entity type, actor (name contains) and action. */
export async function listAuditLog({ ctx, filter }: { ctx: ServiceContext; filter: z.input<typeof AuditFilter> }) {
  authorize(ctx, 'audit.read');
  const f = parseInput(AuditFilter, filter);
  let query = ctx.db.selectFrom('audit_log').selectAll();
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.actor) query = query.where(containsIgnoringCase('actor_name', f.actor));
  if (f.before) query = query.where('at', '<', f.before);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  const entries: AuditEntryView[] = rows.map((r) => ({ ...r, before: parseJson(r.before), after: parseJson(r.after) }));
  const types = await ctx.db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute();
  return { entries, entityTypes: types.map((t) => t.entity_type) };
}
